package dev.staffing.assignment.flow;

import static dev.staffing.assignment.flow.TestEvents.hired;
import static dev.staffing.assignment.flow.TestEvents.opened;
import static dev.staffing.assignment.flow.TestEvents.slot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.staffing.assignment.support.RestartablePostgres;
import dev.staffing.assignment.support.SharedInfrastructure;
import dev.staffing.events.AssignmentChange;
import dev.staffing.events.AssignmentEvent;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Test 4 of the reliability issue, the database outage: PostgreSQL is stopped for 30 seconds while events
 * stream in, then started again on the same port with the same data. Every published event is applied,
 * nothing is dead-lettered, the outbox drains to the assignment-events topic, and the health endpoint went
 * down during the outage (the database DOWN, ingest OUT_OF_SERVICE) and came back UP by itself.
 *
 * <p>The server is a real PostgreSQL of the test's own (zonky's embedded binaries), never the machine's.
 */
class DatabaseOutageTest {

    private static final int EVENTS = 300;
    private static final int PROJECT_EVERY = 30;
    private static final int PUBLISHED_BEFORE_OUTAGE = EVENTS / 2;
    private static final int APPLIED_BEFORE_OUTAGE = 50;
    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    Path postgresDir;

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final SharedInfrastructure infrastructure = SharedInfrastructure.get();
    private final ScheduledExecutorService background = Executors.newScheduledThreadPool(2);
    private final List<HealthSample> healthSamples = new CopyOnWriteArrayList<>();
    private RestartablePostgres postgres;
    private KafkaProducer<String, Object> producer;
    private RunningService service;

    /** One reading of /actuator/health: the overall status and the ingest component's, with its details. */
    private record HealthSample(String status, String ingestStatus, Map<String, Object> ingestDetails) {
    }

    @BeforeEach
    void start() {
        postgres = RestartablePostgres.start(postgresDir);
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                infrastructure.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, "dev.staffing.events.wire.AvroWireSerializer",
                "schema.registry.url", infrastructure.registryUrl()));
        Map<String, Object> settings = new HashMap<>(RunningService.isolatedSettings(
                infrastructure.bootstrapServers(), infrastructure.registryUrl(), suffix));
        settings.put("spring.datasource.url", postgres.jdbcUrl());
        settings.put("spring.datasource.username", postgres.username());
        settings.put("spring.datasource.password", "");
        service = RunningService.start(settings);
    }

    @AfterEach
    void stop() {
        background.shutdownNow();
        if (service != null) {
            service.close();
        }
        if (producer != null) {
            producer.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aThirtySecondDatabaseOutageMidStreamLosesNothingDeadLettersNothingAndHealthComesBack() throws Exception {
        List<ProducerRecord<String, Object>> stream = stream();
        AtomicBoolean outageStarted = new AtomicBoolean();
        AtomicInteger published = new AtomicInteger();
        background.scheduleWithFixedDelay(this::sampleHealth, 0, 250, TimeUnit.MILLISECONDS);
        // One event every 40 ms; the second half waits for the outage, so that it streams in while the database is down.
        background.scheduleAtFixedRate(() -> {
            int next = published.get();
            if (next < EVENTS && (next < PUBLISHED_BEFORE_OUTAGE || outageStarted.get())) {
                producer.send(stream.get(next));
                published.incrementAndGet();
            }
        }, 0, 40, TimeUnit.MILLISECONDS);

        await().atMost(PATIENCE).until(() -> processedEvents() >= APPLIED_BEFORE_OUTAGE);
        postgres.stop();
        outageStarted.set(true);
        await("the database stays down for " + OUTAGE.toSeconds() + " s").during(OUTAGE)
                .atMost(OUTAGE.plusSeconds(10)).pollInterval(Duration.ofSeconds(1))
                .until(() -> !postgres.acceptsConnections());
        await("events published while the database was down").atMost(PATIENCE)
                .until(() -> published.get() > PUBLISHED_BEFORE_OUTAGE);
        postgres.restart();

        await("every event applied and the outbox drained").atMost(PATIENCE).untilAsserted(() -> {
            assertThat(processedEvents()).isEqualTo(EVENTS);
            assertThat(count("select count(*) from outbox_message")).as("outbox messages left").isZero();
        });
        await("health UP again").atMost(PATIENCE).untilAsserted(() -> assertThat(healthSamples)
                .last().extracting(HealthSample::status).isEqualTo("UP"));

        int projects = EVENTS / PROJECT_EVERY;
        assertThat(count("select count(*) from project")).isEqualTo(projects);
        assertThat(count("select count(*) from person")).isEqualTo(EVENTS - projects);
        assertThat(deadLetterCount()).as("records on the dead-letter topic").isZero();
        Map<String, String> assigned = assignmentsInDatabase();
        assertThat(assigned).as("every seat filled: two per project, plenty of people").hasSize(2 * projects);
        assertThat(assignmentsPublished()).as("the assignment-events topic, folded per seat").isEqualTo(assigned);

        assertThat(healthSamples).extracting(HealthSample::status).as("overall health during the outage")
                .contains("DOWN");
        assertThat(healthSamples).filteredOn(sample -> "OUT_OF_SERVICE".equals(sample.ingestStatus()))
                .as("ingest held back by the outage").isNotEmpty()
                .allSatisfy(sample -> assertThat(sample.ingestDetails()).containsEntry("transient", true)
                        .containsKeys("heldBackSince", "failedAttempts", "lastError"));
    }

    /** Ten projects with two backend seats each, among 290 backend engineers hired, in one pool. */
    private List<ProducerRecord<String, Object>> stream() {
        List<ProducerRecord<String, Object>> stream = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            SpecificRecord event;
            String key;
            if (i % PROJECT_EVERY == 0) {
                key = String.format("p-%02d", i / PROJECT_EVERY);
                event = opened(key, 3, slot("backend", "backend-engineer", 2, 1.0));
            } else {
                key = String.format("e-%03d", i);
                event = hired(key, 1, "backend-engineer", 1.0);
            }
            stream.add(new ProducerRecord<>(topic(i % PROJECT_EVERY == 0 ? "project-events" : "employee-events"),
                    key, event));
        }
        return stream;
    }

    private void sampleHealth() {
        try {
            healthSamples.add(service.http().get().uri("/actuator/health").exchange((request, response) -> {
                Map<?, ?> health = response.bodyTo(Map.class);
                Map<?, ?> ingest = (Map<?, ?>) ((Map<?, ?>) health.get("components")).get("ingest");
                Map<String, Object> details = new HashMap<>();
                ((Map<?, ?>) ingest.get("details")).forEach((name, value) -> details.put(String.valueOf(name), value));
                return new HealthSample(String.valueOf(health.get("status")), String.valueOf(ingest.get("status")),
                        details);
            }));
        } catch (RuntimeException e) {
            healthSamples.add(new HealthSample("unreachable: " + e, "unknown", Map.of()));
        }
    }

    private long processedEvents() {
        return count("select count(*) from processed_event");
    }

    /** A count from the test's own connection; -1 while the database cannot be reached. */
    private long count(String sql) {
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            return -1;
        }
    }

    /** Seat ({@code project/slot/seat}) to person, as the database holds it. */
    private Map<String, String> assignmentsInDatabase() throws SQLException {
        Map<String, String> assignments = new HashMap<>();
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(
                        "select project_id, slot_id, seat, person_id from assignment")) {
            while (result.next()) {
                assignments.put(result.getString(1) + "/" + result.getString(2) + "/" + result.getInt(3),
                        result.getString(4));
            }
        }
        return assignments;
    }

    /** Seat to person, as a reader of the assignment-events topic rebuilds it (duplicates fold away). */
    private Map<String, String> assignmentsPublished() {
        Map<String, String> assignments = new HashMap<>();
        try (OutputRecorder recorder = new OutputRecorder(infrastructure.bootstrapServers(),
                infrastructure.registryUrl(), topic("assignment-events"))) {
            await().atMost(PATIENCE).until(() -> !recorder.assignments().isEmpty());
            for (AssignmentEvent event : recorder.assignments()) {
                String seat = event.getProjectId() + "/" + event.getSlotId() + "/" + event.getSeat();
                if (event.getChange() == AssignmentChange.ASSIGNED) {
                    assignments.put(seat, event.getEmployeeId());
                } else {
                    assignments.remove(seat, event.getEmployeeId());
                }
            }
        }
        return assignments;
    }

    private long deadLetterCount() {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic("dead-letter")).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            assertThat(partitions).as("dead-letter partitions").isNotEmpty();
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private String topic(String name) {
        return RunningService.topic(name, suffix);
    }
}
