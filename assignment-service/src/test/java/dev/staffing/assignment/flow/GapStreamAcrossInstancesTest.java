package dev.staffing.assignment.flow;

import static dev.staffing.assignment.flow.TestEvents.opened;
import static dev.staffing.assignment.flow.TestEvents.slot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.staffing.assignment.support.SharedInfrastructure;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every instance streams every gap alert, whichever instance decided its pool: the deciding instance and one that
 * decides nothing (its input topics stay empty) but shares the gap-alert topic both stream the same alert.
 */
class GapStreamAcrossInstancesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path databaseDir;

    @Test
    void anInstanceThatDecidedNothingStreamsTheAlertsAnotherInstanceDecided() throws Exception {
        SharedInfrastructure infrastructure = SharedInfrastructure.get();
        String deciding = UUID.randomUUID().toString().substring(0, 8);
        String idle = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> decidingSettings = new HashMap<>(RunningService.isolatedSettings(
                infrastructure.bootstrapServers(), infrastructure.registryUrl(), deciding));
        decidingSettings.put("spring.datasource.url", RunningService.h2FileUrl(databaseDir.resolve("deciding")));
        Map<String, Object> idleSettings = new HashMap<>(RunningService.isolatedSettings(
                infrastructure.bootstrapServers(), infrastructure.registryUrl(), idle));
        idleSettings.put("spring.datasource.url", RunningService.h2FileUrl(databaseDir.resolve("idle")));
        idleSettings.put("staffing.topics.gap-alerts", RunningService.topic("gap-alerts", deciding));

        try (RunningService decider = RunningService.start(decidingSettings);
                RunningService streamer = RunningService.start(idleSettings);
                KafkaProducer<String, Object> producer = producer(infrastructure);
                SseClient onDecider = SseClient.connect(decider.baseUrl() + "/api/gaps/stream?projectId=p-x1",
                        RunningService.readerCredentials());
                SseClient onStreamer = SseClient.connect(streamer.baseUrl() + "/api/gaps/stream?projectId=p-x1",
                        RunningService.readerCredentials())) {
            producer.send(new ProducerRecord<>(RunningService.topic("project-events", deciding), "p-x1",
                    opened("p-x1", 3, slot("security", "security-engineer", 1, 1.0)))).get();

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(openedSeats(onDecider)).containsExactly("p-x1/security/1");
                assertThat(openedSeats(onStreamer)).containsExactly("p-x1/security/1");
            });
            assertThat(onStreamer.events("gap")).extracting(SseClient.Event::id)
                    .as("the same record of the topic").isEqualTo(onDecider.events("gap").stream()
                            .map(SseClient.Event::id).toList());
            assertThat(streamer.http().get().uri("/api/board/gaps").retrieve().body(String.class))
                    .as("the idle instance's own database knows nothing of it").doesNotContain("p-x1");
        }
    }

    private static List<String> openedSeats(SseClient client) {
        return client.events("gap").stream().map(event -> JSON.readTree(event.data()))
                .filter(alert -> alert.get("status").asString().equals("OPENED"))
                .map(alert -> alert.get("seatKey").asString()).toList();
    }

    private static KafkaProducer<String, Object> producer(SharedInfrastructure infrastructure) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, "dev.staffing.events.wire.AvroWireSerializer",
                "schema.registry.url", infrastructure.registryUrl()));
    }
}
