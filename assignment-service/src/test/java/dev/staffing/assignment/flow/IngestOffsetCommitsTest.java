package dev.staffing.assignment.flow;

import static dev.staffing.assignment.flow.TestEvents.hired;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.staffing.assignment.people.PersonRepository;
import dev.staffing.assignment.support.SharedInfrastructure;
import dev.staffing.events.wire.AvroWireSerializer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Ingest commits its offsets without waiting for the broker's answer, and they still land: the group's committed
 * offset of each partition reaches past the last applied record, with no further batch to carry the commit.
 */
class IngestOffsetCommitsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    Path databaseDir;

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final SharedInfrastructure infrastructure = SharedInfrastructure.get();
    private RunningService service;

    @AfterEach
    void tearDown() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void theOffsetsOfAppliedBatchesAreCommittedAsynchronouslyAndLand() throws Exception {
        Map<String, Object> settings = new HashMap<>(RunningService.isolatedSettings(
                infrastructure.bootstrapServers(), infrastructure.registryUrl(), suffix));
        settings.put("spring.datasource.url", RunningService.h2FileUrl(databaseDir.resolve("db")));
        service = RunningService.start(settings);
        MessageListenerContainer ingest = service.bean(KafkaListenerEndpointRegistry.class)
                .getListenerContainer("staffing-ingest");
        assertThat(ingest.getContainerProperties().isSyncCommits()).as("commits without waiting").isFalse();

        String topic = RunningService.topic("employee-events", suffix);
        Map<TopicPartition, Long> lastOffsets = new HashMap<>();
        try (AvroWireSerializer serializer = new AvroWireSerializer();
                KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.bootstrapServers(),
                        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            serializer.configure(Map.of("schema.registry.url", infrastructure.registryUrl()), false);
            for (int i = 1; i <= 6; i++) {
                String id = "e-" + i;
                RecordMetadata sent = producer.send(new ProducerRecord<>(topic, id,
                        serializer.serialize(topic, hired(id, 1, "qa-engineer", 1.0)))).get();
                lastOffsets.merge(new TopicPartition(topic, sent.partition()), sent.offset(), Math::max);
            }
        }
        PersonRepository people = service.bean(PersonRepository.class);
        await().atMost(PATIENCE).until(() -> people.findById("e-6").isPresent());

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                infrastructure.bootstrapServers()))) {
            await().atMost(PATIENCE).untilAsserted(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(
                        "assignment-service-" + suffix).partitionsToOffsetAndMetadata().get();
                lastOffsets.forEach((partition, last) -> assertThat(committed.get(partition))
                        .as("committed offset of %s", partition).isNotNull()
                        .extracting(OffsetAndMetadata::offset).isEqualTo(last + 1));
            });
        }
    }
}
