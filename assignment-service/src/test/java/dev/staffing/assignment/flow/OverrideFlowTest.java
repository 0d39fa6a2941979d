package dev.staffing.assignment.flow;

import static dev.staffing.assignment.flow.TestEvents.hired;
import static dev.staffing.assignment.flow.TestEvents.opened;
import static dev.staffing.assignment.flow.TestEvents.slot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.staffing.assignment.support.SharedInfrastructure;
import dev.staffing.events.AssignmentChange;
import dev.staffing.events.AssignmentEvent;
import dev.staffing.events.AssignmentReason;
import dev.staffing.events.EmployeeEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/**
 * Staffing managers' overrides end to end: a request to the API, the override on its topic, applied by the
 * ingest path with its audit, and the next decision honouring it, against a real broker, registry and
 * database.
 */
class OverrideFlowTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    static Path databaseDir;

    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
    private static RunningService service;
    private static InputPublisher producer;
    private static OutputRecorder output;

    @BeforeAll
    static void start() {
        SharedInfrastructure infrastructure = SharedInfrastructure.get();
        Map<String, Object> settings = new HashMap<>(RunningService.isolatedSettings(
                infrastructure.bootstrapServers(), infrastructure.registryUrl(), SUFFIX));
        settings.put("spring.datasource.url", RunningService.h2FileUrl(databaseDir.resolve("db")));
        service = RunningService.start(settings);
        producer = new InputPublisher(infrastructure.bootstrapServers(), infrastructure.registryUrl(), SUFFIX);
        output = new OutputRecorder(infrastructure.bootstrapServers(), infrastructure.registryUrl(),
                RunningService.topic("assignment-events", SUFFIX), RunningService.topic("gap-alerts", SUFFIX));
    }

    @AfterAll
    static void stop() {
        output.close();
        producer.close();
        service.close();
    }

    @Test
    void excludeThenPinMoveThePersonAndEveryRequestIsAudited() {
        publishEmployee(hired("ov-e1", 1, "backend-engineer", 1.0));
        publishEmployee(hired("ov-e2", 1, "backend-engineer", 1.0));
        publishProject(opened("ov-high", 5, slot("backend", "backend-engineer", 1, 1.0)));
        publishProject(opened("ov-low", 1, slot("backend", "backend-engineer", 1, 1.0)));
        await().atMost(PATIENCE).until(() -> holderOf("ov-high") != null && holderOf("ov-low") != null);
        String first = holderOf("ov-high");
        String second = holderOf("ov-low");

        // Excluded from the high-priority project: the two swap.
        ResponseEntity<JsonNode> excluded = post("/api/overrides/exclusions", Map.of("projectId", "ov-high",
                "personId", first, "reason", "client asked for someone else"), null);
        assertThat(excluded.getStatusCode()).isEqualTo(HttpStatusCode.valueOf(202));
        assertThat(excluded.getBody().get("requestedBy").asString()).isEqualTo(
                RunningService.managerCredentials().user());
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(holderOf("ov-high")).isEqualTo(second);
            assertThat(holderOf("ov-low")).isEqualTo(first);
        });
        assertThat(releases("ov-high", first)).singleElement().satisfies(release -> {
            assertThat(release.getReason()).isEqualTo(AssignmentReason.NO_LONGER_ELIGIBLE);
            assertThat(release.getCausationId()).isEqualTo(excluded.getBody().get("eventId").asString());
        });

        // Pinned to the low-priority project's slot: the pin outranks the weights that keep the swap.
        ResponseEntity<JsonNode> pinned = post("/api/overrides/pins", Map.of("projectId", "ov-low", "slotId",
                "backend", "personId", second, "reason", "knows the low project's codebase"), null);
        assertThat(pinned.getStatusCode()).isEqualTo(HttpStatusCode.valueOf(202));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(holderOf("ov-low")).isEqualTo(second));
        assertThat(holderOf("ov-high")).as("the exclusion still keeps %s out", first).isNull();

        JsonNode active = service.http().get().uri("/api/overrides?projectId={p}", "ov-low").retrieve()
                .body(JsonNode.class);
        assertThat(active).singleElement().satisfies(pin -> {
            assertThat(pin.get("kind").asString()).isEqualTo("PIN");
            assertThat(pin.get("slotId").asString()).isEqualTo("backend");
            assertThat(pin.get("personId").asString()).isEqualTo(second);
        });

        // Lifting both restores the unforced optimum.
        assertThat(delete("/api/overrides/exclusions/ov-high/" + first + "?reason=done").getStatusCode())
                .isEqualTo(HttpStatusCode.valueOf(202));
        assertThat(delete("/api/overrides/pins/ov-low/backend/" + second + "?reason=done").getStatusCode())
                .isEqualTo(HttpStatusCode.valueOf(202));
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(service.http().get().uri("/api/overrides").retrieve().body(JsonNode.class)).isEmpty();
            assertThat(holderOf("ov-high")).isNotNull();
            assertThat(holderOf("ov-low")).isNotNull();
        });

        JsonNode audit = service.http().get().uri("/api/overrides/audit?projectId={p}", "ov-high").retrieve()
                .body(JsonNode.class);
        assertThat(audit).extracting(entry -> entry.get("action").asString()).containsExactly("INCLUDE", "EXCLUDE");
        assertThat(audit.get(1).get("reason").asString()).isEqualTo("client asked for someone else");
        assertThat(audit.get(1).get("outcome").asString()).isEqualTo("excluded");
        assertThat(audit.get(1).get("requestedBy").asString()).isEqualTo(RunningService.managerCredentials().user());
    }

    @Test
    void aRetriedRequestWithTheSameIdempotencyKeyAppliesOnce() {
        publishEmployee(hired("ov-e9", 1, "qa-engineer", 1.0));
        publishProject(opened("ov-idem", 3, slot("qa", "qa-engineer", 1, 1.0)));
        await().atMost(PATIENCE).until(() -> "ov-e9".equals(holderOf("ov-idem")));
        Map<String, Object> body = Map.of("projectId", "ov-idem", "slotId", "qa", "personId", "ov-e9", "reason",
                "keep");
        String key = UUID.randomUUID().toString();
        ResponseEntity<JsonNode> once = post("/api/overrides/pins", body, key);
        ResponseEntity<JsonNode> again = post("/api/overrides/pins", body, key);
        assertThat(again.getBody().get("eventId").asString()).isEqualTo(once.getBody().get("eventId").asString());
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(service.http().get()
                .uri("/api/overrides/audit?projectId={p}", "ov-idem").retrieve().body(JsonNode.class)).hasSize(1));
    }

    @Test
    void requestsThatCannotHoldAreRefusedWithAProblemThatSaysWhy() {
        EmployeeEvent elsewhere = hired("ov-far", 1, "backend-engineer", 1.0);
        elsewhere.setPool("another-pool");
        publishEmployee(elsewhere);
        publishProject(opened("ov-checks", 2, slot("backend", "backend-engineer", 1, 1.0)));
        await().atMost(PATIENCE).until(() -> status("/api/projects/ov-checks/staffing") == 200
                && status("/api/overrides?projectId=ov-checks") == 200);
        await().atMost(PATIENCE).until(() -> post("/api/overrides/pins", Map.of("projectId", "ov-checks",
                "slotId", "backend", "personId", "ov-far", "reason", "r"), null).getStatusCode().value() == 409);

        assertProblem(post("/api/overrides/pins", Map.of("projectId", "ov-checks", "slotId", "backend", "personId",
                "ov-far", "reason", "r"), null), 409, "another-pool");
        assertProblem(post("/api/overrides/pins", Map.of("projectId", "no-such-project", "slotId", "backend",
                "personId", "ov-far", "reason", "r"), null), 404, "no-such-project");
        assertProblem(post("/api/overrides/pins", Map.of("projectId", "ov-checks", "slotId", "frontend",
                "personId", "ov-far", "reason", "r"), null), 404, "frontend");
        assertProblem(post("/api/overrides/exclusions", Map.of("projectId", "ov-checks", "personId", "nobody",
                "reason", "r"), null), 404, "nobody");
        assertProblem(post("/api/overrides/exclusions", Map.of("projectId", "ov-checks", "personId", "ov-far",
                "reason", " "), null), 400, "reason");
        assertProblem(post("/api/overrides/exclusions", Map.of("projectId", "ov-checks", "personId", "ov-far",
                "reason", "x".repeat(1001)), null), 400, "1000");
        assertProblem(delete("/api/overrides/pins/ov-checks/backend/ov-far?reason=r"), 404, "not pinned");
    }

    private static void assertProblem(ResponseEntity<JsonNode> response, int status, String detailPart) {
        assertThat(response.getStatusCode().value()).isEqualTo(status);
        assertThat(response.getBody().get("detail").asString()).contains(detailPart);
    }

    private static String holderOf(String projectId) {
        JsonNode staffing = service.http().get().uri("/api/projects/{p}/staffing", projectId)
                .exchange((request, response) -> response.getStatusCode().is2xxSuccessful()
                        ? response.bodyTo(JsonNode.class) : null);
        if (staffing == null) {
            return null;
        }
        JsonNode holder = staffing.get("slots").get(0).get("seats").get(0).get("employeeId");
        return holder == null || holder.isNull() ? null : holder.asString();
    }

    private static List<AssignmentEvent> releases(String projectId, String employeeId) {
        return output.assignments().stream().filter(event -> event.getProjectId().equals(projectId)
                && event.getEmployeeId().equals(employeeId) && event.getChange() == AssignmentChange.UNASSIGNED)
                .toList();
    }

    private static int status(String uri) {
        return service.http().get().uri(uri).exchange((request, response) -> response.getStatusCode().value());
    }

    private static ResponseEntity<JsonNode> post(String uri, Map<String, Object> body, String idempotencyKey) {
        return service.http().post().uri(uri).contentType(MediaType.APPLICATION_JSON)
                .headers(headers -> {
                    if (idempotencyKey != null) {
                        headers.set("Idempotency-Key", idempotencyKey);
                    }
                })
                .body(body).exchange((request, response) -> ResponseEntity.status(response.getStatusCode())
                        .body(response.bodyTo(JsonNode.class)));
    }

    private static ResponseEntity<JsonNode> delete(String uri) {
        return service.http().delete().uri(uri).exchange((request, response) -> ResponseEntity
                .status(response.getStatusCode()).body(response.bodyTo(JsonNode.class)));
    }

    private static void publishEmployee(EmployeeEvent event) {
        producer.publish(event);
    }

    private static void publishProject(dev.staffing.events.ProjectEvent event) {
        producer.publish(event);
    }
}
