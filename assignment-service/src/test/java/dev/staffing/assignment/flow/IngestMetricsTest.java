package dev.staffing.assignment.flow;

import static dev.staffing.assignment.flow.TestEvents.capacityChanged;
import static dev.staffing.assignment.flow.TestEvents.employee;
import static dev.staffing.assignment.flow.TestEvents.hired;
import static dev.staffing.assignment.flow.TestEvents.opened;
import static dev.staffing.assignment.flow.TestEvents.scheduleChanged;
import static dev.staffing.assignment.flow.TestEvents.slot;
import static dev.staffing.assignment.flow.TestEvents.slotsChanged;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.staffing.assignment.people.PersonRepository;
import dev.staffing.assignment.support.SharedInfrastructure;
import dev.staffing.events.EmployeeProfileChanged;
import dev.staffing.events.Seniority;
import dev.staffing.events.wire.AvroWireSerializer;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import tools.jackson.databind.JsonNode;

/**
 * The ingest counters say what committed batches did with each input event, per outcome and topic, and
 * the parking gauge how many events wait for their entity; a batch rolled back and delivered again is
 * counted once.
 */
class IngestMetricsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    Path databaseDir;

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final SharedInfrastructure infrastructure = SharedInfrastructure.get();
    private AvroWireSerializer serializer;
    private KafkaProducer<String, byte[]> producer;
    private IngestMetricsRegistryProxy registryProxy;
    private RunningService service;

    @BeforeEach
    void setUp() throws Exception {
        serializer = new AvroWireSerializer();
        serializer.configure(Map.of("schema.registry.url", infrastructure.registryUrl()), false);
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                infrastructure.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
        registryProxy = IngestMetricsRegistryProxy.start(infrastructure.registryUrl());
    }

    @AfterEach
    void tearDown() {
        if (service != null) {
            service.close();
        }
        registryProxy.close();
        producer.close();
        serializer.close();
    }

    @Test
    void eachOutcomeIsCountedPerTopicAndParkedEventsAreGauged() throws Exception {
        service = start(infrastructure.registryUrl());
        send(employeeTopic(), "e-1", employee("e-1", 2, EmployeeProfileChanged.newBuilder()
                .setPersonas(List.of("qa-engineer")).setSkills(List.of()).setSeniority(Seniority.MID).build()));
        var hire = hired("e-1", 1, "backend-engineer", 1.0);
        send(employeeTopic(), "e-1", hire);
        send(employeeTopic(), "e-1", hire);
        send(employeeTopic(), "e-1", capacityChanged("e-1", 1, 0.5));
        send(employeeTopic(), "e-2", capacityChanged("e-2", 1, 0.5));
        producer.send(new ProducerRecord<>(employeeTopic(), "e-3", "not avro".getBytes(StandardCharsets.UTF_8)))
                .get();
        send(projectTopic(), "p-1", opened("p-1", 3, slot("s", "qa-engineer", 1, 1.0)));
        send(projectTopic(), "p-1", slotsChanged("p-1", 2, slot("s", "qa-engineer", -2, 1.0)));
        send(projectTopic(), "p-2", scheduleChanged("p-2", 2, 4));

        MeterRegistry meters = service.bean(MeterRegistry.class);
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(counts(meters, employeeTopic())).as("employee events").isEqualTo(Map.of("applied", 1L,
                    "unparked", 1L, "duplicate", 1L, "stale", 1L, "parked", 2L, "dead_lettered", 1L));
            assertThat(counts(meters, projectTopic())).as("project events").isEqualTo(Map.of("applied", 1L,
                    "unparked", 0L, "duplicate", 0L, "stale", 0L, "parked", 1L, "dead_lettered", 1L));
        });
        assertThat(meters.get("staffing.ingest.parked").gauge().value()).as("e-2 and p-2 wait").isEqualTo(2.0);
        assertThat(service.bean(PersonRepository.class).findById("e-1")).hasValueSatisfying(person -> {
            assertThat(person.personaSet().values()).containsExactly("qa-engineer");
            assertThat(person.capacity()).isEqualTo(100);
        });
        String prometheus = service.http().get().uri("/actuator/prometheus").retrieve().body(String.class);
        assertThat(prometheus).contains("staffing_ingest_events_total{outcome=\"unparked\",topic=\""
                + employeeTopic() + "\"} 1.0").contains("staffing_ingest_parked 2.0");

        send(employeeTopic(), "e-2", hired("e-2", 2, "ux-designer", 1.0));
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(counts(meters, employeeTopic())).as("the parked change turned out stale").isEqualTo(Map.of(
                    "applied", 2L, "unparked", 1L, "duplicate", 1L, "stale", 2L, "parked", 2L, "dead_lettered", 1L));
            assertThat(meters.get("staffing.ingest.parked").gauge().value()).as("p-2 waits").isEqualTo(1.0);
        });
        assertThat(service.bean(PersonRepository.class).findById("e-2")).hasValueSatisfying(person ->
                assertThat(person.capacity()).isEqualTo(100));
    }

    @Test
    void aBatchRolledBackAndDeliveredAgainIsCountedOnce() throws Exception {
        service = start(registryProxy.url());
        MessageListenerContainer ingest = service.bean(KafkaListenerEndpointRegistry.class)
                .getListenerContainer("staffing-ingest");
        // Stopped, not paused: a paused consumer may already hold the first record from a fetch in flight and
        // hand it over alone on resume. A consumer started after all three are on the partition fetches them
        // in one batch.
        ingest.stop();
        await().atMost(PATIENCE).until(() -> !ingest.isRunning());
        // All on one partition, so that they come in this order: an applied hire, a dead-lettered one, and a
        // project event sent to the wrong topic whose schema the registry fails to give for a while.
        byte[] misplaced = serializer.serialize(projectTopic(), opened("p-1", 3, slot("s", "qa-engineer", 1, 1.0)));
        registryProxy.failSchemaLookups(ByteBuffer.wrap(misplaced, 1, 4).getInt());
        sendToFirstPartition("e-1", serializer.serialize(employeeTopic(), hired("e-1", 1, "qa-engineer", 1.0)));
        sendToFirstPartition("e-2", serializer.serialize(employeeTopic(), hired("e-2", 1, "qa-engineer", 1.5)));
        sendToFirstPartition("p-1", misplaced);

        ingest.start();
        // Two failed attempts, each rolled back: the health component counts an attempt once its batch's
        // transaction has ended, so the database is read after the rollback, not during the attempt.
        await().atMost(PATIENCE).until(() -> registryProxy.failedLookups() >= 2 && failedAttempts() >= 2);
        assertThat(service.bean(PersonRepository.class).findById("e-1")).as("rolled back").isEmpty();
        assertThat(counts(meters(), employeeTopic())).as("nothing committed, nothing counted")
                .containsEntry("applied", 0L).containsEntry("dead_lettered", 0L);
        registryProxy.heal();

        List<ConsumerRecord<String, byte[]>> deadLetters = deadLetters(2);
        assertThat(deadLetters).extracting(record -> record.key() + " " + new String(
                record.headers().lastHeader("staffing-dlt-reason").value(), StandardCharsets.UTF_8))
                .containsExactlyInAnyOrder("e-2 INVALID_FTE", "p-1 WRONG_TYPE");
        assertThat(service.bean(PersonRepository.class).findById("e-1")).isPresent();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(counts(meters(), employeeTopic()))
                .as("counted once, as the committed batch ended").isEqualTo(Map.of("applied", 1L, "unparked", 0L,
                        "duplicate", 0L, "stale", 0L, "parked", 0L, "dead_lettered", 2L)));
    }

    private void sendToFirstPartition(String key, byte[] value) throws Exception {
        producer.send(new ProducerRecord<>(employeeTopic(), 0, key, value)).get();
    }

    private RunningService start(String registryUrl) {
        Map<String, Object> settings = new HashMap<>(RunningService.isolatedSettings(
                infrastructure.bootstrapServers(), registryUrl, suffix));
        settings.put("spring.datasource.url", RunningService.h2FileUrl(databaseDir.resolve("db")));
        return RunningService.start(settings);
    }

    /** The ingest health component's count of failed attempts of the held batch (0 while events flow). */
    private int failedAttempts() {
        JsonNode ingest = service.http().get().uri("/actuator/health").exchange((request, response) ->
                response.bodyTo(JsonNode.class)).path("components").path("ingest").path("details");
        return ingest.path("failedAttempts").asInt(0);
    }

    private MeterRegistry meters() {
        return service.bean(MeterRegistry.class);
    }

    private static Map<String, Long> counts(MeterRegistry meters, String topic) {
        Map<String, Long> counts = new HashMap<>();
        meters.find("staffing.ingest.events").tag("topic", topic).counters().forEach(counter ->
                counts.put(counter.getId().getTag("outcome"), (long) counter.count()));
        return counts;
    }

    private void send(String topic, String key, SpecificRecord event) throws Exception {
        producer.send(new ProducerRecord<>(topic, key, serializer.serialize(topic, event))).get();
    }

    /** Reads the dead-letter topic until {@code expected} records came, and a little longer for extras. */
    private List<ConsumerRecord<String, byte[]>> deadLetters(int expected) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            consumer.subscribe(List.of(RunningService.topic("dead-letter", suffix)));
            await().atMost(PATIENCE).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                assertThat(records).hasSizeGreaterThanOrEqualTo(expected);
            });
            consumer.poll(Duration.ofMillis(500)).forEach(records::add);
        }
        return records;
    }

    private String employeeTopic() {
        return RunningService.topic("employee-events", suffix);
    }

    private String projectTopic() {
        return RunningService.topic("project-events", suffix);
    }
}
