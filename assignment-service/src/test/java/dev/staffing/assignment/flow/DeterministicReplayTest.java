package dev.staffing.assignment.flow;

import static dev.staffing.assignment.flow.TestEvents.TODAY;
import static dev.staffing.assignment.flow.TestEvents.capacityChanged;
import static dev.staffing.assignment.flow.TestEvents.closed;
import static dev.staffing.assignment.flow.TestEvents.departed;
import static dev.staffing.assignment.flow.TestEvents.hired;
import static dev.staffing.assignment.flow.TestEvents.leave;
import static dev.staffing.assignment.flow.TestEvents.opened;
import static dev.staffing.assignment.flow.TestEvents.profileChanged;
import static dev.staffing.assignment.flow.TestEvents.scheduleChanged;
import static dev.staffing.assignment.flow.TestEvents.slot;
import static dev.staffing.assignment.flow.TestEvents.slotsChanged;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.staffing.assignment.support.SharedInfrastructure;
import dev.staffing.events.EmployeeEvent;
import dev.staffing.events.ProjectEvent;
import dev.staffing.events.Seniority;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The same input events, processed once straight through and once with the service restarted halfway
 * (its in-memory engines rebuilt from the database), give the same assignment events and gap alerts, byte
 * for byte: same keys, same order per partition, same Avro payloads. Each event is processed before the
 * next is sent, so both runs see the same batches; the clock is fixed.
 */
class DeterministicReplayTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String CLOCK = TODAY.atTime(8, 0).toInstant(ZoneOffset.UTC).toString();

    @TempDir
    Path databases;

    @Test
    void theSameEventsGiveTheSameOutputByteForByteAcrossARestart() {
        List<SpecificRecord> script = script();

        List<String> straight = run(script, -1);
        List<String> restarted = run(script, script.size() / 2);

        assertThat(straight).as("a story with plenty of decisions").hasSizeGreaterThan(30);
        assertThat(restarted).containsExactlyElementsOf(straight);
    }

    /** A story touching every rule: rebalances, departures now and later, leaves, shrinking, closing. */
    private static List<SpecificRecord> script() {
        List<String> none = List.of();
        return List.of(
                opened("p-1", 4, slot("security", "security-engineer", 1, 1.0), slot("backend", "backend-engineer", 2, 1.0)),
                opened("p-2", 2, slot("backend", "backend-engineer", 2, 1.0), slot("qa", "qa-engineer", 1, 1.0)),
                hired("e-1", 1, List.of("backend-engineer", "security-engineer"), none, Seniority.SENIOR, 1.0),
                hired("e-2", 1, "backend-engineer", 1.0),
                hired("e-3", 1, "backend-engineer", 1.0),
                hired("e-4", 1, "qa-engineer", 1.0),
                hired("e-5", 1, "security-engineer", 1.0),
                hired("e-6", 1, "backend-engineer", 1.0),
                opened("p-3", 5, slot("architect", "platform-architect", 1, 1.0), slot("backend", "backend-engineer", 3, 1.0)),
                hired("e-7", 1, List.of("platform-architect", "backend-engineer"), none, Seniority.PRINCIPAL, 1.0),
                departed("e-2", 2, TODAY),
                departed("e-3", 2, TODAY.plusDays(12)),
                leave("e-4", 2, TODAY, TODAY.plusDays(20)),
                hired("e-8", 1, "qa-engineer", 1.0),
                profileChanged("e-6", 2, List.of("backend-engineer", "security-engineer"), none),
                scheduleChanged("p-2", 2, 5),
                slotsChanged("p-3", 3, slot("architect", "platform-architect", 1, 1.0), slot("backend", "backend-engineer", 1, 1.0)),
                capacityChanged("e-1", 2, 0.0),
                hired("e-9", 1, "backend-engineer", 1.0),
                closed("p-1", 4),
                hired("e-10", 1, "security-engineer", 1.0),
                capacityChanged("e-1", 3, 1.0),
                opened("p-4", 3, slot("security", "security-engineer", 2, 1.0)),
                departed("e-5", 2, TODAY));
    }

    private List<String> run(List<SpecificRecord> script, int restartAt) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> properties = new HashMap<>(RunningService.isolatedSettings(bootstrapServers(),
                registryUrl(), suffix));
        properties.put("spring.datasource.url", RunningService.h2FileUrl(databases.resolve("staffing-" + suffix)));
        properties.put("staffing.clock.fixed", CLOCK);
        RunningService service = RunningService.start(properties);
        try (KafkaProducer<String, Object> producer = producer()) {
            for (int i = 0; i < script.size(); i++) {
                if (i == restartAt) {
                    service.close();
                    service = RunningService.start(properties);
                }
                SpecificRecord event = script.get(i);
                publish(producer, suffix, event);
                awaitProcessed(service, eventId(event));
            }
            JdbcClient jdbc = service.bean(JdbcClient.class);
            await().atMost(PATIENCE).until(() -> jdbc.sql("select count(*) from outbox_message").query(Long.class)
                    .single() == 0);
        } finally {
            service.close();
        }
        return output(suffix);
    }

    private static void publish(KafkaProducer<String, Object> producer, String suffix, SpecificRecord event) {
        ProducerRecord<String, Object> record = event instanceof EmployeeEvent employee
                ? new ProducerRecord<>(RunningService.topic("employee-events", suffix), employee.getEmployeeId(), event)
                : new ProducerRecord<>(RunningService.topic("project-events", suffix),
                        ((ProjectEvent) event).getProjectId(), event);
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish " + eventId(event), e);
        }
    }

    private static void awaitProcessed(RunningService service, String eventId) {
        JdbcClient jdbc = service.bean(JdbcClient.class);
        await().atMost(PATIENCE).until(() -> jdbc.sql("select count(*) from processed_event where event_id = :id")
                .param("id", eventId).query(Long.class).single() == 1);
    }

    /** Every output record as topic, partition, key and Avro payload (the wire header's schema id set aside). */
    private static List<String> output(String suffix) {
        List<String> topics = List.of(RunningService.topic("assignment-events", suffix),
                RunningService.topic("gap-alerts", suffix));
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "replay-" + suffix,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            consumer.subscribe(topics);
            long quietSince = System.nanoTime();
            while (System.nanoTime() - quietSince < Duration.ofSeconds(3).toNanos()) {
                var polled = consumer.poll(Duration.ofMillis(200));
                if (!polled.isEmpty()) {
                    polled.forEach(records::add);
                    quietSince = System.nanoTime();
                }
            }
        }
        return records.stream()
                .sorted(Comparator.comparing((ConsumerRecord<String, byte[]> r) -> r.topic())
                        .thenComparingInt(ConsumerRecord::partition).thenComparingLong(ConsumerRecord::offset))
                .map(r -> r.topic().replace("-" + suffix, "") + "/" + r.partition() + " " + r.key() + " "
                        + Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(r.value(), 5, r.value().length)))
                .toList();
    }

    private static String eventId(SpecificRecord event) {
        return event instanceof EmployeeEvent employee ? employee.getEventId() : ((ProjectEvent) event).getEventId();
    }

    private static KafkaProducer<String, Object> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, "dev.staffing.events.wire.AvroWireSerializer",
                "schema.registry.url", registryUrl()));
    }

    private static String bootstrapServers() {
        return SharedInfrastructure.get().bootstrapServers();
    }

    private static String registryUrl() {
        return SharedInfrastructure.get().registryUrl();
    }
}
