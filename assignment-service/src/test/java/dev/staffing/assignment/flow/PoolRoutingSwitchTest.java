package dev.staffing.assignment.flow;

import static dev.staffing.assignment.flow.TestEvents.hired;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.staffing.assignment.people.PersonRepository;
import dev.staffing.assignment.support.SharedInfrastructure;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Switching routing on for a group that has read the input itself: the router starts where ingest left off. */
class PoolRoutingSwitchTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    Path databaseDir;

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final SharedInfrastructure infrastructure = SharedInfrastructure.get();

    @Test
    void switchedOnTheRouterForwardsOnlyWhatIngestHasNotAppliedYet() throws Exception {
        Map<String, Object> settings = new HashMap<>(RunningService.isolatedSettings(
                infrastructure.bootstrapServers(), infrastructure.registryUrl(), suffix));
        settings.put("spring.datasource.url", RunningService.h2FileUrl(databaseDir.resolve("db")));
        settings.put("staffing.topics.pool-events", topic("pool-events"));
        try (InputPublisher input = new InputPublisher(infrastructure.bootstrapServers(), infrastructure.registryUrl(),
                suffix)) {
            try (RunningService direct = RunningService.start(settings)) {
                input.publish(hired("e-1", 1, "qa-engineer", 1.0));
                await().atMost(PATIENCE).until(() -> direct.bean(PersonRepository.class).findById("e-1").isPresent()
                        && ingestHasCommitted());
            }

            settings.put("staffing.ingest.route-by-pool", "true");
            try (RunningService routed = RunningService.start(settings)) {
                input.publish(hired("e-2", 1, "qa-engineer", 1.0));
                await().atMost(PATIENCE).until(() -> routed.bean(PersonRepository.class).findById("e-2").isPresent());
            }
        }

        try (KafkaConsumer<String, byte[]> consumer = poolTopicReader()) {
            List<ConsumerRecord<String, byte[]>> routed = new ArrayList<>();
            await().atMost(PATIENCE).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(routed::add);
                assertThat(routed).isNotEmpty();
            });
            consumer.poll(Duration.ofSeconds(1)).forEach(routed::add);
            assertThat(routed).as("the hire ingest had applied is not forwarded again")
                    .extracting(record -> new String(record.headers().lastHeader("staffing-source-key").value(),
                            StandardCharsets.UTF_8))
                    .containsExactly("e-2");
        }
    }

    private boolean ingestHasCommitted() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                infrastructure.bootstrapServers()))) {
            return admin.listConsumerGroupOffsets("assignment-service-" + suffix).partitionsToOffsetAndMetadata()
                    .get().entrySet().stream().anyMatch(entry -> entry.getKey().topic().equals(topic("employee-events"))
                            && entry.getValue() != null && entry.getValue().offset() > 0);
        }
    }

    private KafkaConsumer<String, byte[]> poolTopicReader() {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
        consumer.subscribe(List.of(topic("pool-events")));
        return consumer;
    }

    private String topic(String name) {
        return RunningService.topic(name, suffix);
    }
}
