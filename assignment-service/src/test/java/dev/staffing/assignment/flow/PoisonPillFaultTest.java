package dev.staffing.assignment.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.staffing.assignment.flow.PoisonPillStream.Entry;
import dev.staffing.assignment.people.PersonRepository;
import dev.staffing.assignment.projects.Project;
import dev.staffing.assignment.projects.ProjectStore;
import dev.staffing.assignment.support.SharedInfrastructure;
import dev.staffing.events.wire.AvroWireSerializer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/**
 * Test 3 of the reliability issue: a thousand records, a tenth of them poison pills of every kind
 * (bad magic byte, unknown schema id, truncated Avro, capacity outside 0..1, unknown persona, negative
 * seats, end before start) at seeded-random positions among valid ones. Every valid record is applied,
 * every poison pill reaches the dead-letter topic with its original bytes and headers naming its reason
 * and origin, the ingest counters agree, and the service stays healthy throughout.
 * {@code -Dstaffing.faults.long=true} sends ten times as many; {@code -Dstaffing.faults.seed} picks the stream.
 */
class PoisonPillFaultTest {

    private static final boolean LONG = Boolean.getBoolean("staffing.faults.long");
    private static final int RECORDS = LONG ? 10_000 : 1_000;
    private static final int CORRUPTED = RECORDS / 10;
    private static final long SEED = Long.getLong("staffing.faults.seed", 20261124L);
    private static final Duration PATIENCE = Duration.ofSeconds(LONG ? 600 : 120);

    @TempDir
    Path databaseDir;

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final SharedInfrastructure infrastructure = SharedInfrastructure.get();
    private final List<String> healthSamples = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService healthWatch = Executors.newSingleThreadScheduledExecutor();
    private AvroWireSerializer serializer;
    private KafkaProducer<String, byte[]> producer;
    private RunningService service;

    @BeforeEach
    void start() {
        serializer = new AvroWireSerializer();
        serializer.configure(Map.of("schema.registry.url", infrastructure.registryUrl()), false);
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                infrastructure.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
        Map<String, Object> settings = new HashMap<>(RunningService.isolatedSettings(
                infrastructure.bootstrapServers(), infrastructure.registryUrl(), suffix));
        settings.put("spring.datasource.url", RunningService.h2FileUrl(databaseDir.resolve("db")));
        service = RunningService.start(settings);
    }

    @AfterEach
    void stop() throws InterruptedException {
        healthWatch.shutdownNow();
        healthWatch.awaitTermination(10, TimeUnit.SECONDS);
        service.close();
        producer.close();
        serializer.close();
    }

    @Test
    void everyValidRecordIsAppliedAndEveryPoisonPillIsDeadLetteredWithItsReasonWhileTheServiceStaysUp()
            throws Exception {
        PoisonPillStream stream = PoisonPillStream.generate(SEED, RECORDS, CORRUPTED, topic("employee-events"),
                topic("project-events"), serializer::serialize);
        assertThat(stream.entries()).hasSize(RECORDS);
        assertThat(stream.entries()).filteredOn(entry -> !entry.valid()).hasSize(CORRUPTED)
                .extracting(Entry::corruption).containsAll(List.of(PoisonPills.Corruption.values()));
        healthWatch.scheduleWithFixedDelay(this::sampleHealth, 0, 50, TimeUnit.MILLISECONDS);

        Map<Origin, Entry> poisonPills = send(stream.entries());

        MeterRegistry meters = service.bean(MeterRegistry.class);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(count(meters, "applied") + count(meters,
                "dead_lettered")).as("records processed").isEqualTo(RECORDS));
        for (String topic : List.of(topic("employee-events"), topic("project-events"))) {
            long valid = stream.entries().stream().filter(entry -> entry.topic().equals(topic) && entry.valid())
                    .count();
            assertThat(count(meters, "applied", topic)).as("applied on " + topic).isEqualTo(valid);
            assertThat(count(meters, "dead_lettered", topic)).as("dead-lettered on " + topic)
                    .isEqualTo(stream.entries().stream().filter(entry -> entry.topic().equals(topic)).count() - valid);
        }
        for (String outcome : List.of("unparked", "duplicate", "stale", "parked")) {
            assertThat(count(meters, outcome)).as(outcome).isZero();
        }
        assertThat(meters.get("staffing.ingest.parked").gauge().value()).isZero();
        assertThat(metricOverHttp("staffing.ingest.events", "outcome:dead_lettered")).isEqualTo(CORRUPTED);

        assertEveryValidEventApplied(stream);
        assertEveryPoisonPillDeadLettered(poisonPills);

        healthWatch.shutdown();
        assertThat(healthWatch.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(healthSamples).as("health while the stream was processed").isNotEmpty()
                .allMatch("UP, ingest running"::equals);
    }

    /** Sends the records in stream order and gives the place each poison pill landed. */
    private Map<Origin, Entry> send(List<Entry> entries) throws Exception {
        List<Future<RecordMetadata>> sent = new ArrayList<>(entries.size());
        for (Entry entry : entries) {
            sent.add(producer.send(new ProducerRecord<>(entry.topic(), entry.key(), entry.value())));
        }
        producer.flush();
        Map<Origin, Entry> poisonPills = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            RecordMetadata metadata = sent.get(i).get();
            if (!entries.get(i).valid()) {
                poisonPills.put(new Origin(metadata.topic(), metadata.partition(), metadata.offset()), entries.get(i));
            }
        }
        return poisonPills;
    }

    private void assertEveryValidEventApplied(PoisonPillStream stream) {
        PersonRepository people = service.bean(PersonRepository.class);
        ProjectStore projects = service.bean(ProjectStore.class);
        assertThat(people.count()).isEqualTo(stream.people().size());
        assertThat(service.bean(JdbcClient.class).sql("select count(*) from project").query(Long.class).single())
                .isEqualTo(stream.projects().size());
        stream.people().values().forEach(expected -> assertThat(people.findById(expected.id()))
                .as("person %s", expected.id()).hasValueSatisfying(person -> {
                    assertThat(person.lastSequence()).isEqualTo(expected.sequence());
                    assertThat(person.capacity()).isEqualTo(expected.capacity());
                    assertThat(person.personaSet().values()).containsExactlyInAnyOrderElementsOf(expected.personas());
                }));
        stream.projects().values().forEach(expected -> assertThat(projects.findById(expected.id()))
                .as("project %s", expected.id()).hasValueSatisfying(project -> {
                    assertThat(project.lastSequence()).isEqualTo(expected.sequence());
                    assertThat(project.priority()).isEqualTo(expected.priority());
                    assertThat(project.startDate()).isEqualTo(expected.start());
                    assertThat(project.endDate()).isEqualTo(expected.end());
                    assertThat(seats(project)).isEqualTo(expected.seats());
                }));
        stream.rejectedEntities().forEach(id -> {
            assertThat(people.findById(id)).as("person only poison pills named: %s", id).isEmpty();
            assertThat(projects.findById(id)).as("project only poison pills named: %s", id).isEmpty();
        });
    }

    private void assertEveryPoisonPillDeadLettered(Map<Origin, Entry> poisonPills) {
        List<ConsumerRecord<String, byte[]>> deadLetters = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = rawConsumer(topic("dead-letter"))) {
            await().atMost(PATIENCE).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(deadLetters::add);
                assertThat(deadLetters).hasSizeGreaterThanOrEqualTo(poisonPills.size());
            });
            consumer.poll(Duration.ofMillis(500)).forEach(deadLetters::add);
        }
        assertThat(deadLetters).as("one dead letter per poison pill, nothing else").hasSize(poisonPills.size());
        Map<Origin, ConsumerRecord<String, byte[]>> byOrigin = deadLetters.stream()
                .collect(Collectors.toMap(PoisonPillFaultTest::originOf, record -> record));
        assertThat(byOrigin.keySet()).as("where the dead letters came from")
                .containsExactlyInAnyOrderElementsOf(poisonPills.keySet());
        poisonPills.forEach((origin, pill) -> {
            ConsumerRecord<String, byte[]> deadLetter = byOrigin.get(origin);
            assertThat(deadLetter.key()).as("key of %s", origin).isEqualTo(pill.key());
            assertThat(deadLetter.value()).as("original bytes of %s (%s)", origin, pill.corruption())
                    .isEqualTo(pill.value());
            assertThat(header(deadLetter, "staffing-dlt-reason")).as("reason for %s (%s)", origin, pill.corruption())
                    .isEqualTo(pill.corruption().reason());
            assertThat(header(deadLetter, "kafka_dlt-exception-message"))
                    .as("message for %s (%s)", origin, pill.corruption()).contains(pill.expectedMessage());
            assertThat(header(deadLetter, "kafka_dlt-original-consumer-group")).as("consumer group")
                    .isEqualTo("assignment-service-" + suffix);
            assertThat(deadLetter.headers().lastHeader("kafka_dlt-original-timestamp")).as("timestamp").isNotNull();
        });
    }

    private void sampleHealth() {
        String sample;
        try {
            String health = service.http().get().uri("/actuator/health").exchange((request, response) ->
                    response.getStatusCode().value() + " " + response.bodyTo(Map.class).get("status"));
            boolean ingestRunning = service.bean(KafkaListenerEndpointRegistry.class)
                    .getListenerContainer("staffing-ingest").isRunning();
            sample = ("200 UP".equals(health) ? "UP" : health)
                    + (ingestRunning ? ", ingest running" : ", ingest stopped");
        } catch (RuntimeException e) {
            sample = "unreachable: " + e;
        }
        healthSamples.add(sample);
    }

    private double metricOverHttp(String name, String tag) {
        Map<?, ?> metric = service.http().get().uri("/actuator/metrics/{name}?tag={tag}", name, tag).retrieve()
                .body(Map.class);
        return ((Number) ((Map<?, ?>) ((List<?>) metric.get("measurements")).get(0)).get("value")).doubleValue();
    }

    private static long count(MeterRegistry meters, String outcome) {
        return (long) meters.find("staffing.ingest.events").tag("outcome", outcome).counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    private static long count(MeterRegistry meters, String outcome, String topic) {
        return (long) meters.get("staffing.ingest.events").tag("outcome", outcome).tag("topic", topic).counter()
                .count();
    }

    private static Map<String, Integer> seats(Project project) {
        Map<String, Integer> seats = new LinkedHashMap<>();
        project.slots().forEach(slot -> seats.put(slot.slotId(), slot.seats()));
        return seats;
    }

    /** The topic, partition and offset a record was consumed from. */
    private record Origin(String topic, int partition, long offset) {
    }

    private static Origin originOf(ConsumerRecord<String, byte[]> deadLetter) {
        return new Origin(header(deadLetter, "kafka_dlt-original-topic"),
                ByteBuffer.wrap(deadLetter.headers().lastHeader("kafka_dlt-original-partition").value()).getInt(),
                ByteBuffer.wrap(deadLetter.headers().lastHeader("kafka_dlt-original-offset").value()).getLong());
    }

    private KafkaConsumer<String, byte[]> rawConsumer(String topic) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private String topic(String name) {
        return RunningService.topic(name, suffix);
    }
}
