package dev.staffing.assignment.flow;

import static dev.staffing.assignment.flow.TestEvents.hired;
import static dev.staffing.assignment.flow.TestEvents.opened;
import static dev.staffing.assignment.flow.TestEvents.slot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.staffing.assignment.people.PersonRepository;
import dev.staffing.assignment.support.SharedInfrastructure;
import dev.staffing.events.AssignmentChange;
import dev.staffing.events.AssignmentEvent;
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
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
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

/**
 * With {@code staffing.ingest.route-by-pool} the input reaches ingest through the pool-keyed topic, and the
 * service decides and dead-letters exactly as it does reading the input topics itself.
 */
class PoolRoutingTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    Path databaseDir;

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final SharedInfrastructure infrastructure = SharedInfrastructure.get();
    private InputPublisher input;
    private KafkaProducer<String, byte[]> raw;
    private OutputRecorder output;
    private IngestMetricsRegistryProxy registryProxy;
    private RunningService service;

    @BeforeEach
    void start() throws Exception {
        // The service reaches the registry through a proxy that can fail a schema lookup on request.
        registryProxy = IngestMetricsRegistryProxy.start(infrastructure.registryUrl());
        Map<String, Object> settings = new HashMap<>(RunningService.isolatedSettings(
                infrastructure.bootstrapServers(), registryProxy.url(), suffix));
        settings.put("spring.datasource.url", RunningService.h2FileUrl(databaseDir.resolve("db")));
        settings.put("staffing.topics.pool-events", topic("pool-events"));
        settings.put("staffing.ingest.route-by-pool", "true");
        service = RunningService.start(settings);
        input = new InputPublisher(infrastructure.bootstrapServers(), infrastructure.registryUrl(), suffix);
        raw = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
        output = new OutputRecorder(infrastructure.bootstrapServers(), infrastructure.registryUrl(),
                topic("assignment-events"), topic("gap-alerts"));
    }

    @AfterEach
    void stop() {
        output.close();
        raw.close();
        input.close();
        service.close();
        registryProxy.close();
    }

    @Test
    void routedHiresAndProjectsAreDecidedAsWithoutRouting() {
        input.publish(hired("e-1", 1, "backend-engineer", 1.0));
        input.publish(hired("e-2", 1, "backend-engineer", 1.0));
        input.publish(opened("p-1", 4, slot("security", "security-engineer", 1, 1.0),
                slot("backend", "backend-engineer", 2, 1.0)));

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(output.assignments()).filteredOn(event -> event.getChange() == AssignmentChange.ASSIGNED)
                    .extracting(AssignmentEvent::getEmployeeId).containsExactlyInAnyOrder("e-1", "e-2");
            // The project may be decided before the hires (they come on another input topic): its backend
            // seats then open and resolve again; the security seat stays open.
            assertThat(output.openSeats("default")).containsExactly("p-1/security/1");
        });
        assertThat(service.bean(KafkaListenerEndpointRegistry.class).getListenerContainer("staffing-ingest")
                .getContainerProperties().getKafkaConsumerProperties())
                .as("ingest reads committed transactions only").containsEntry("isolation.level", "read_committed");
        assertThat(service.bean(MeterRegistry.class).find("kafka.consumer.fetch.manager.records.lag.max").gauges())
                .as("the router's lag among the Kafka client meters")
                .anySatisfy(gauge -> assertThat(gauge.getId().getTag("client.id")).contains("router"));
        try (KafkaConsumer<String, byte[]> consumer = rawConsumer(topic("pool-events"))) {
            List<ConsumerRecord<String, byte[]>> routed = new ArrayList<>();
            await().atMost(PATIENCE).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(routed::add);
                assertThat(routed).hasSize(3);
            });
            assertThat(routed).as("keyed by the pool the events name").extracting(ConsumerRecord::key)
                    .containsOnly("default");
            assertThat(routed).extracting(record -> header(record, "staffing-source-key"))
                    .containsExactlyInAnyOrder("e-1", "e-2", "p-1");
        }
    }

    @Test
    void badRecordIsStillDeadLetteredWithItsSourceTopicPartitionAndOffset() throws Exception {
        byte[] notWireFormat = "{\"employeeId\":\"e-9\"}".getBytes(StandardCharsets.UTF_8);
        ProducerRecord<String, byte[]> bad = new ProducerRecord<>(topic("employee-events"), "e-9", notWireFormat);
        bad.headers().add("trace", "t-9".getBytes(StandardCharsets.UTF_8));
        RecordMetadata sent = raw.send(bad).get();
        input.publish(hired("e-10", 1, "qa-engineer", 1.0));

        List<ConsumerRecord<String, byte[]>> deadLetters = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = rawConsumer(topic("dead-letter"))) {
            await().atMost(PATIENCE).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(deadLetters::add);
                assertThat(deadLetters).hasSize(1);
            });
        }
        ConsumerRecord<String, byte[]> deadLetter = deadLetters.get(0);
        assertThat(deadLetter.key()).as("its original key").isEqualTo("e-9");
        assertThat(deadLetter.value()).as("its original bytes").isEqualTo(notWireFormat);
        assertThat(header(deadLetter, "staffing-dlt-reason")).isEqualTo("UNDECODABLE");
        assertThat(header(deadLetter, "kafka_dlt-original-topic")).isEqualTo(topic("employee-events"));
        assertThat(ByteBuffer.wrap(deadLetter.headers().lastHeader("kafka_dlt-original-partition").value()).getInt())
                .isEqualTo(sent.partition());
        assertThat(ByteBuffer.wrap(deadLetter.headers().lastHeader("kafka_dlt-original-offset").value()).getLong())
                .isEqualTo(sent.offset());
        assertThat(header(deadLetter, "trace")).isEqualTo("t-9");
        assertThat(deadLetter.headers().toArray()).extracting(Header::key)
                .as("the routing headers are not the record's").noneMatch(key -> key.startsWith("staffing-source-"));
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(service.bean(PersonRepository.class).findById("e-10"))
                        .isPresent());
    }

    @Test
    void batchWhosePoolCannotBeReadYetIsForwardedOnceTheRegistryAnswersAndOnlyOnce() throws Exception {
        MessageListenerContainer router = service.bean(KafkaListenerEndpointRegistry.class)
                .getListenerContainer("staffing-pool-router");
        // Stopped while the records go out, so that the router fetches them in one batch.
        router.stop();
        await().atMost(PATIENCE).until(() -> !router.isRunning());
        byte[] hire = wireFormat(topic("employee-events"), hired("e-20", 1, "qa-engineer", 1.0));
        // A project event on the employee topic: the router reads its pool with a schema the registry fails to
        // give for a while; ingest later dead-letters it as the wrong type for the topic.
        byte[] misplaced = wireFormat(topic("project-events"), opened("p-20", 3, slot("qa", "qa-engineer", 1, 1.0)));
        registryProxy.failSchemaLookups(ByteBuffer.wrap(misplaced, 1, 4).getInt());
        raw.send(new ProducerRecord<>(topic("employee-events"), 0, "e-20", hire)).get();
        raw.send(new ProducerRecord<>(topic("employee-events"), 0, "p-20", misplaced)).get();

        router.start();
        await().atMost(PATIENCE).until(() -> registryProxy.failedLookups() >= 2);
        try (KafkaConsumer<String, byte[]> consumer = rawConsumer(topic("pool-events"))) {
            assertThat(consumer.poll(Duration.ofSeconds(1))).as("nothing forwarded while a pool cannot be read")
                    .isEmpty();
            assertThat(service.bean(PersonRepository.class).findById("e-20"))
                    .isEmpty();
            registryProxy.heal();

            List<ConsumerRecord<String, byte[]>> routed = new ArrayList<>();
            await().atMost(PATIENCE).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(routed::add);
                assertThat(routed).hasSize(2);
            });
            assertThat(routed).as("each input record once, keyed by the pool its event names")
                    .extracting(record -> header(record, "staffing-source-offset") + " " + record.key())
                    .containsExactlyInAnyOrder("0 default", "1 default");
            assertThat(consumer.poll(Duration.ofSeconds(1))).as("and no more").isEmpty();
        }
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(service.bean(PersonRepository.class).findById("e-20"))
                        .isPresent());
    }

    private byte[] wireFormat(String topic, SpecificRecord event) {
        try (AvroWireSerializer serializer = new AvroWireSerializer()) {
            serializer.configure(Map.of("schema.registry.url", infrastructure.registryUrl()), false);
            return serializer.serialize(topic, event);
        }
    }

    private KafkaConsumer<String, byte[]> rawConsumer(String topic) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private String topic(String name) {
        return RunningService.topic(name, suffix);
    }
}
