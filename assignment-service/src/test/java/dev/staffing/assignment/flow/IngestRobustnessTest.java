package dev.staffing.assignment.flow;

import static dev.staffing.assignment.flow.TestEvents.capacityChanged;
import static dev.staffing.assignment.flow.TestEvents.employee;
import static dev.staffing.assignment.flow.TestEvents.hired;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.staffing.assignment.people.Person;
import dev.staffing.assignment.people.PersonRepository;
import dev.staffing.assignment.support.SharedInfrastructure;
import dev.staffing.events.EmployeeEvent;
import dev.staffing.events.EmployeeProfileChanged;
import dev.staffing.events.Seniority;
import dev.staffing.events.wire.AvroWireSerializer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

/** Bad, repeated and early input neither stops the service nor gets lost. */
class IngestRobustnessTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    Path databaseDir;

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final SharedInfrastructure infrastructure = SharedInfrastructure.get();
    private KafkaProducer<String, Object> avro;
    private KafkaProducer<String, byte[]> raw;
    private RunningService service;

    @BeforeEach
    void start() {
        avro = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, "dev.staffing.events.wire.AvroWireSerializer",
                "schema.registry.url", infrastructure.registryUrl()));
        raw = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
        Map<String, Object> settings = new HashMap<>(RunningService.isolatedSettings(
                infrastructure.bootstrapServers(), infrastructure.registryUrl(), suffix));
        settings.put("spring.datasource.url", RunningService.h2FileUrl(databaseDir.resolve("db")));
        service = RunningService.start(settings);
    }

    @AfterEach
    void stop() {
        service.close();
        avro.close();
        raw.close();
    }

    @Test
    void badRecordsGoToTheDeadLetterTopicWithTheirReasonAndTheRestIsApplied() throws Exception {
        byte[] notWireFormat = "{\"employeeId\":\"e-1\"}".getBytes(StandardCharsets.UTF_8);
        raw.send(new ProducerRecord<>(topic("employee-events"), "e-1", notWireFormat)).get();
        avro.send(new ProducerRecord<>(topic("employee-events"), "e-2", hired("e-2", 1, "backend-engineer", 1.5)))
                .get();
        avro.send(new ProducerRecord<>(topic("employee-events"), "e-3", hired("e-3", 1, "backend-engineer", 1.0)))
                .get();
        byte[] valid = wireFormat(hired("e-4", 1, "backend-engineer", 1.0));
        raw.send(new ProducerRecord<>(topic("employee-events"), "e-4", Arrays.copyOf(valid, valid.length - 12))).get();
        raw.send(new ProducerRecord<>(topic("employee-events"), "e-5", new byte[] {0, 0x7f, 0x7f, 0x7f, 0x7f, 2}))
                .get();
        // A key far wider than any id column: kept whole on the dead letter, not a batch that fails for ever.
        String wideKey = "k".repeat(5000);
        ProducerRecord<String, byte[]> wide = new ProducerRecord<>(topic("employee-events"), wideKey, notWireFormat);
        wide.headers().add("trace", "t".repeat(6000).getBytes(StandardCharsets.UTF_8));
        raw.send(wide).get();

        List<ConsumerRecord<String, byte[]>> deadLetters = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = rawConsumer(topic("dead-letter"))) {
            await().atMost(PATIENCE).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(deadLetters::add);
                assertThat(deadLetters).hasSize(5);
            });
        }
        ConsumerRecord<String, byte[]> undecodable = deadLetters.stream()
                .filter(record -> record.key().equals("e-1")).findFirst().orElseThrow();
        assertThat(undecodable.value()).as("the original bytes").isEqualTo(notWireFormat);
        assertThat(header(undecodable, "staffing-dlt-reason")).isEqualTo("UNDECODABLE");
        assertThat(header(undecodable, "kafka_dlt-exception-message")).contains("magic byte");
        assertThat(header(undecodable, "kafka_dlt-original-topic")).isEqualTo(topic("employee-events"));
        assertThat(undecodable.headers().lastHeader("kafka_dlt-original-offset")).isNotNull();
        assertThat(deadLetters).filteredOn(record -> "UNDECODABLE".equals(header(record, "staffing-dlt-reason")))
                .extracting(ConsumerRecord::key).containsExactlyInAnyOrder("e-1", "e-4", "e-5", wideKey);
        assertThat(header(deadLetters.stream().filter(record -> record.key().equals(wideKey)).findFirst()
                .orElseThrow(), "trace")).hasSize(6000);
        assertThat(deadLetters).filteredOn(record -> record.key().equals("e-4")).singleElement()
                .satisfies(record -> assertThat(header(record, "kafka_dlt-exception-message"))
                        .contains("truncated or corrupt"));
        assertThat(deadLetters).filteredOn(record -> record.key().equals("e-5")).singleElement()
                .satisfies(record -> assertThat(header(record, "kafka_dlt-exception-message"))
                        .contains(String.valueOf(0x7f7f7f7f)));
        ConsumerRecord<String, byte[]> invalid = withReason(deadLetters, "INVALID_FTE");
        assertThat(header(invalid, "kafka_dlt-exception-message")).contains("fte 1.5").contains("e-2");
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(service.bean(PersonRepository.class).findById("e-3")).isPresent());
        assertThat(service.bean(PersonRepository.class).findById("e-2")).isEmpty();
    }

    @Test
    void duplicatesAndStaleEventsAreSkippedAndEarlyEventsWaitForTheirEntity() throws Exception {
        EmployeeEvent profile = employee("e-7", 2, EmployeeProfileChanged.newBuilder()
                .setPersonas(List.of("security-engineer")).setSkills(List.of("iam")).setSeniority(Seniority.STAFF)
                .build());
        avro.send(new ProducerRecord<>(topic("employee-events"), "e-7", profile)).get();
        EmployeeEvent hire = hired("e-7", 1, "backend-engineer", 1.0);
        avro.send(new ProducerRecord<>(topic("employee-events"), "e-7", hire)).get();
        avro.send(new ProducerRecord<>(topic("employee-events"), "e-7", hire)).get();
        avro.send(new ProducerRecord<>(topic("employee-events"), "e-7", capacityChanged("e-7", 1, 0.1))).get();
        avro.send(new ProducerRecord<>(topic("employee-events"), "e-7", capacityChanged("e-7", 3, 0.8))).get();

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(service.bean(PersonRepository.class).findById("e-7")).isPresent();
            Person person = service.bean(PersonRepository.class).findById("e-7").get();
            assertThat(person.personaSet().values()).as("the parked profile change applied after the hire")
                    .containsExactly("security-engineer");
            assertThat(person.seniority()).isEqualTo("STAFF");
            assertThat(person.capacity()).as("the stale capacity change (sequence 1) was skipped").isEqualTo(80);
            assertThat(person.lastSequence()).isEqualTo(3);
        });
    }

    @Test
    void parkedEventThatTurnsOutInvalidIsDeadLetteredAndTheHireStands() throws Exception {
        EmployeeEvent badProfile = employee("e-9", 2, EmployeeProfileChanged.newBuilder()
                .setPersonas(List.of("astronaut")).setSkills(List.of()).setSeniority(Seniority.MID).build());
        avro.send(new ProducerRecord<>(topic("employee-events"), "e-9", badProfile)).get();
        avro.send(new ProducerRecord<>(topic("employee-events"), "e-9", hired("e-9", 1, "qa-engineer", 1.0))).get();

        List<ConsumerRecord<String, byte[]>> deadLetters = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = rawConsumer(topic("dead-letter"))) {
            await().atMost(PATIENCE).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(deadLetters::add);
                assertThat(deadLetters).hasSize(1);
            });
        }
        ConsumerRecord<String, byte[]> parked = withReason(deadLetters, "UNKNOWN_PERSONA");
        assertThat(parked.key()).isEqualTo("e-9");
        assertThat(header(parked, "staffing-dlt-parked")).isEqualTo("true");
        assertThat(header(parked, "kafka_dlt-exception-message")).contains("astronaut");
        assertThat(service.bean(PersonRepository.class).findById("e-9")).hasValueSatisfying(
                person -> assertThat(person.personaSet().values()).containsExactly("qa-engineer"));
    }

    private byte[] wireFormat(EmployeeEvent event) {
        try (AvroWireSerializer serializer = new AvroWireSerializer()) {
            serializer.configure(Map.of("schema.registry.url", infrastructure.registryUrl()), false);
            return serializer.serialize(topic("employee-events"), event);
        }
    }

    private KafkaConsumer<String, byte[]> rawConsumer(String topic) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    private static ConsumerRecord<String, byte[]> withReason(List<ConsumerRecord<String, byte[]>> records,
            String reason) {
        return records.stream().filter(record -> reason.equals(header(record, "staffing-dlt-reason"))).findFirst()
                .orElseThrow(() -> new AssertionError("no dead letter with reason " + reason));
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private String topic(String name) {
        return RunningService.topic(name, suffix);
    }
}
