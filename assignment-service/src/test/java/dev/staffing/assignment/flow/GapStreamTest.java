package dev.staffing.assignment.flow;

import static dev.staffing.assignment.flow.TestEvents.hired;
import static dev.staffing.assignment.flow.TestEvents.opened;
import static dev.staffing.assignment.flow.TestEvents.slot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.staffing.assignment.support.SharedInfrastructure;
import dev.staffing.events.EmployeeEvent;
import dev.staffing.events.GapAlert;
import dev.staffing.events.GapReason;
import dev.staffing.events.GapSeverity;
import dev.staffing.events.GapStatus;
import dev.staffing.events.ProjectEvent;
import dev.staffing.events.Slot;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gap-alert stream for dashboards against the real broker, registry and database: a client connected over
 * HTTP sees a Security Engineer gap open and resolve as the gap-alert topic carries it, and only what its filters
 * ask for.
 */
class GapStreamTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path databaseDir;

    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
    private static RunningService service;
    private static InputPublisher producer;

    @BeforeAll
    static void start() {
        SharedInfrastructure infrastructure = SharedInfrastructure.get();
        Map<String, Object> settings = new HashMap<>(RunningService.isolatedSettings(
                infrastructure.bootstrapServers(), infrastructure.registryUrl(), SUFFIX));
        settings.put("spring.datasource.url", RunningService.h2FileUrl(databaseDir.resolve("db")));
        settings.put("staffing.board.heartbeat", "1s");
        settings.put("staffing.board.partition-refresh", "1s");
        service = RunningService.start(settings);
        producer = new InputPublisher(infrastructure.bootstrapServers(), infrastructure.registryUrl(), SUFFIX);
    }

    @AfterAll
    static void stop() {
        if (producer != null) {
            producer.close();
        }
        if (service != null) {
            service.close();
        }
    }

    @Test
    void securityGapStreamsAsOpenedThenResolvedWhenASecurityEngineerIsHired() {
        try (SseClient security = connect("/api/gaps/stream?persona=security-engineer");
                SseClient otherProject = connect("/api/gaps/stream?projectId=p-elsewhere")) {
            assertThat(security.status()).isEqualTo(200);
            assertThat(security.contentType()).startsWith("text/event-stream");

            publish(hired("e-s1", 1, "backend-engineer", 1.0));
            publish(opened("p-s1", 4, slot("security", "security-engineer", 1, 1.0),
                    slot("backend", "backend-engineer", 1, 1.0)));

            JsonNode opened = awaitAlert(security, "p-s1/security/1", "OPENED");
            assertThat(opened.get("persona").asString()).isEqualTo("security-engineer");
            assertThat(opened.get("projectId").asString()).isEqualTo("p-s1");
            assertThat(opened.get("slotId").asString()).isEqualTo("security");
            assertThat(opened.get("seat").asInt()).isEqualTo(1);
            assertThat(opened.get("pool").asString()).isEqualTo("default");
            assertThat(opened.get("severity").asString()).isEqualTo("CRITICAL");
            assertThat(opened.get("reason").asString()).isEqualTo("NO_PERSONA_HOLDER");
            assertThat(opened.get("effectiveDate").asString()).isEqualTo(TestEvents.TODAY.toString());
            assertThat(opened.get("occurredAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
            assertThat(opened.get("suggestion").asString()).contains("security-engineer");
            assertThat(opened.get("resolution").isNull()).isTrue();
            assertThat(security.events("gap")).first().extracting(SseClient.Event::id).asString()
                    .matches("\\d+-\\d+");

            publish(hired("e-s2", 1, "security-engineer", 1.0));

            JsonNode resolved = awaitAlert(security, "p-s1/security/1", "RESOLVED");
            assertThat(resolved.get("resolution").asString()).isEqualTo("FILLED");
            assertThat(security.events("gap")).extracting(event -> read(event).get("persona").asString())
                    .containsOnly("security-engineer");
            assertThat(otherProject.events("gap")).as("a stream filtered to another project").isEmpty();
        }
    }

    @Test
    void quietStreamSendsHeartbeatsAndAClientThatLeftIsLetGo() {
        try (SseClient client = connect("/api/gaps/stream")) {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(client.comments()).contains("heartbeat"));
            assertThat(connectedClients()).isPositive();
        }
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(connectedClients()).isZero());
    }

    @Test
    void partitionAddedToTheGapAlertTopicIsFollowedFromItsBeginning() throws Exception {
        String topic = RunningService.topic("gap-alerts", SUFFIX);
        try (SseClient client = connect("/api/gaps/stream?projectId=p-s9");
                Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                        SharedInfrastructure.get().bootstrapServers()))) {
            int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
            admin.createPartitions(Map.of(topic, NewPartitions.increaseTo(partitions + 1))).all().get();
            // Written at once, before the stream can have noticed the new partition: it must still arrive.
            producer.send(new ProducerRecord<String, Object>(topic, partitions, "p-s9/security/1", GapAlert.newBuilder()
                    .setEventId("test-" + UUID.randomUUID()).setOccurredAt(Instant.now()).setPool("default")
                    .setProjectId("p-s9").setSlotId("security").setSeat(1).setPersona("security-engineer")
                    .setStatus(GapStatus.OPENED).setSeverity(GapSeverity.CRITICAL).setEffectiveDate(TestEvents.TODAY)
                    .setReason(GapReason.NO_PERSONA_HOLDER).setDetail("written by the test").build()));

            JsonNode alert = awaitAlert(client, "p-s9/security/1", "OPENED");
            assertThat(alert.get("detail").asString()).isEqualTo("written by the test");
            assertThat(client.events("gap")).singleElement().extracting(SseClient.Event::id)
                    .isEqualTo(partitions + "-0");
        }
    }

    private static double connectedClients() {
        return service.http().get().uri("/actuator/metrics/staffing.board.stream.clients").retrieve()
                .body(JsonNode.class).get("measurements").get(0).get("value").asDouble();
    }

    @Test
    void boardSnapshotAnswersWithGapsAndCountsPerPersonaSecurityEngineerFirst() {
        // Its security seat asks for a skill that no one has, so the other test's hire never fills it.
        Slot security = Slot.newBuilder(slot("security", "security-engineer", 1, 1.0))
                .setRequiredSkills(List.of("threat-modelling")).build();
        publish(opened("p-s2", 5, slot("ux", "ux-designer", 2, 1.0), security));

        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode board = service.http().get().uri("/api/board/gaps").retrieve().body(JsonNode.class);
            List<JsonNode> gaps = board.get("gaps").valueStream().toList();
            assertThat(gaps).extracting(gap -> gap.get("seatKey").asString())
                    .filteredOn(key -> key.startsWith("p-s2/ux/")).containsExactly("p-s2/ux/1", "p-s2/ux/2");
            JsonNode first = board.get("personas").get(0);
            assertThat(first.get("persona").asString()).isEqualTo("security-engineer");
            assertThat(first.get("name").asString()).isEqualTo("Security Engineer");
            assertThat(first.get("critical").asInt()).isPositive();
            for (JsonNode count : board.get("personas")) {
                String persona = count.get("persona").asString();
                long open = gaps.stream().filter(gap -> gap.get("persona").asString().equals(persona)).count();
                assertThat(count.get("critical").asInt() + count.get("high").asInt() + count.get("medium").asInt()
                        + count.get("low").asInt()).as("open gaps of %s", persona).isEqualTo((int) open);
            }
            assertThat(board.get("personas").valueStream().map(count -> count.get("persona").asString()))
                    .contains("ux-designer");
            assertThat(board.get("projectNames").get("p-s2").asString()).isEqualTo("Project p-s2");
        });
    }

    private static JsonNode awaitAlert(SseClient client, String seatKey, String status) {
        return await().atMost(PATIENCE).until(() -> client.events("gap").stream().map(GapStreamTest::read)
                .filter(alert -> alert.get("seatKey").asString().equals(seatKey)
                        && alert.get("status").asString().equals(status))
                .findFirst().orElse(null), alert -> alert != null);
    }

    private static JsonNode read(SseClient.Event event) {
        return JSON.readTree(event.data());
    }

    private static SseClient connect(String path) {
        return SseClient.connect(service.baseUrl() + path, RunningService.readerCredentials());
    }

    private static void publish(EmployeeEvent event) {
        producer.publish(event);
    }

    private static void publish(ProjectEvent event) {
        producer.publish(event);
    }
}
