package dev.staffing.assignment.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.staffing.assignment.support.SharedInfrastructure;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/** The read API's catalog, health and error answers. */
class ReadApiTest {

    @TempDir
    static Path databaseDir;

    private static RunningService service;

    @BeforeAll
    static void start() {
        SharedInfrastructure infrastructure = SharedInfrastructure.get();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> settings = new HashMap<>(RunningService.isolatedSettings(
                infrastructure.bootstrapServers(), infrastructure.registryUrl(), suffix));
        settings.put("spring.datasource.url", RunningService.h2FileUrl(databaseDir.resolve("db")));
        service = RunningService.start(settings);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void personaCatalogServesTheTenPersonasWithSecurityEngineerCritical() {
        JsonNode personas = service.http().get().uri("/api/personas").retrieve().body(JsonNode.class);

        assertThat(personas).hasSize(10);
        JsonNode security = service.http().get().uri("/api/personas/security-engineer").retrieve()
                .body(JsonNode.class);
        assertThat(security.get("name").asString()).isEqualTo("Security Engineer");
        assertThat(security.get("criticality").asString()).isEqualTo("CRITICAL");
        assertThat(security.get("responsibilities")).hasSize(5);
    }

    @Test
    void unknownProjectIsA404ProblemThatNamesIt() {
        ResponseEntity<JsonNode> response = exchange("/api/projects/no-such-project/staffing");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatusCode.valueOf(404));
        assertThat(response.getBody().get("detail").asString()).contains("no-such-project");
    }

    @Test
    void badSeverityFilterIsA400ProblemThatListsTheValidOnes() {
        ResponseEntity<JsonNode> response = exchange("/api/gaps?severity=urgent");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatusCode.valueOf(400));
        assertThat(response.getBody().get("detail").asString()).contains("urgent").contains("CRITICAL");
    }

    @Test
    void healthIsUp() {
        assertThat(service.http().get().uri("/actuator/health").retrieve().body(JsonNode.class).get("status")
                .asString()).isEqualTo("UP");
    }

    private static ResponseEntity<JsonNode> exchange(String uri) {
        return service.http().get().uri(uri).exchange((request, response) ->
                ResponseEntity.status(response.getStatusCode()).body(response.bodyTo(JsonNode.class)));
    }
}
