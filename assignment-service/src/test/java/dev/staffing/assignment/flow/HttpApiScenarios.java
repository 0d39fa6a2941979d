package dev.staffing.assignment.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.staffing.events.GapSeverity;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/**
 * The HTTP API as a client sees it: lists filtered and paged in the database, every bad request an RFC 9457
 * problem that names what was wrong, and an OpenAPI document that validates, with Swagger UI beside it.
 * Subclasses choose the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class HttpApiScenarios {

    @TempDir
    static Path databaseDir;

    private ApiFixture fixture;

    /** Datasource (and Flyway) settings of the database to run on. */
    protected abstract Map<String, Object> databaseProperties(Path directory);

    @BeforeAll
    void start() throws Exception {
        fixture = ApiFixture.start(databaseProperties(databaseDir));
    }

    @AfterAll
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void gapPagesOfTwoAddUpToTheWholeListMostUrgentFirst() {
        JsonNode whole = fixture.get("/api/gaps?size=500");
        List<JsonNode> all = items(whole);
        assertThat(all).hasSize(ApiFixture.OPEN_GAPS);
        assertThat(whole.get("page").asInt()).isZero();
        assertThat(whole.get("size").asInt()).isEqualTo(500);
        assertThat(whole.get("totalPages").asInt()).isEqualTo(1);
        assertThat(all).isSortedAccordingTo(Comparator
                .comparing((JsonNode gap) -> GapSeverity.valueOf(gap.get("severity").asString())).reversed()
                .thenComparing(gap -> gap.get("effectiveDate").asString())
                .thenComparing(gap -> gap.get("seatKey").asString()));
        assertThat(all).extracting(gap -> gap.get("severity").asString()).contains("CRITICAL", "HIGH", "LOW");

        List<JsonNode> paged = new ArrayList<>();
        for (int page = 0; page < 7; page++) {
            JsonNode answer = fixture.get("/api/gaps?size=2&page=" + page);
            assertThat(answer.get("page").asInt()).isEqualTo(page);
            assertThat(answer.get("size").asInt()).isEqualTo(2);
            assertThat(answer.get("totalItems").asLong()).isEqualTo(ApiFixture.OPEN_GAPS);
            assertThat(answer.get("totalPages").asInt()).isEqualTo(7);
            assertThat(answer.get("items")).hasSize(page < 6 ? 2 : 1);
            paged.addAll(items(answer));
        }
        assertThat(paged).extracting(gap -> gap.get("seatKey").asString())
                .containsExactlyElementsOf(all.stream().map(gap -> gap.get("seatKey").asString()).toList());
        JsonNode pastTheEnd = fixture.get("/api/gaps?size=2&page=7");
        assertThat(pastTheEnd.get("items")).isEmpty();
        assertThat(pastTheEnd.get("totalItems").asLong()).isEqualTo(ApiFixture.OPEN_GAPS);
    }

    @Test
    void gapFiltersKeepExactlyTheMatchingGapsAndCountThem() {
        List<JsonNode> all = items(fixture.get("/api/gaps?size=500"));
        assertFilter("/api/gaps?persona=security-engineer&severity=critical", all,
                gap -> gap.get("persona").asString().equals("security-engineer")
                        && gap.get("severity").asString().equals("CRITICAL"), 5);
        assertFilter("/api/gaps?pool=north", all, gap -> gap.get("pool").asString().equals("north"), 3);
        assertFilter("/api/gaps?projectId=p-06&persona=qa-engineer", all,
                gap -> gap.get("projectId").asString().equals("p-06")
                        && gap.get("persona").asString().equals("qa-engineer"), 1);
        assertFilter("/api/gaps?persona=backend-engineer", all,
                gap -> gap.get("persona").asString().equals("backend-engineer"), 3);
        assertFilter("/api/gaps?severity=MEDIUM&pool=default", all,
                gap -> gap.get("severity").asString().equals("MEDIUM") && gap.get("pool").asString().equals("default"),
                -1);
    }

    @Test
    void projectsArePagedByIdWithTheirCountsAndFiltered() {
        JsonNode first = fixture.get("/api/projects?size=4");
        assertThat(first.get("totalItems").asLong()).isEqualTo(6);
        assertThat(first.get("totalPages").asInt()).isEqualTo(2);
        JsonNode second = fixture.get("/api/projects?size=4&page=1");
        List<JsonNode> projects = new ArrayList<>(items(first));
        projects.addAll(items(second));
        assertThat(projects).extracting(project -> project.get("id").asString())
                .containsExactly("p-01", "p-02", "p-03", "p-04", "p-05", "p-06");
        assertThat(projects).allSatisfy(project -> assertThat(project.get("seats").asInt()).isEqualTo(3));
        assertThat(projects.stream().mapToInt(project -> project.get("filled").asInt()).sum())
                .isEqualTo(ApiFixture.FILLED);
        assertThat(projects.stream().mapToInt(project -> project.get("openGaps").asInt()).sum())
                .isEqualTo(ApiFixture.OPEN_GAPS);

        assertThat(ids("/api/projects?closed=true")).containsExactly("p-05");
        assertThat(ids("/api/projects?closed=false")).containsExactly("p-01", "p-02", "p-03", "p-04", "p-06");
        assertThat(ids("/api/projects?pool=north")).containsExactly("p-06");
        assertThat(ids("/api/projects?hasGaps=false")).containsExactly("p-05");
        assertThat(ids("/api/projects?hasGaps=true&pool=default&size=3&page=1")).containsExactly("p-04");
        assertThat(fixture.get("/api/projects?hasGaps=true").get("totalItems").asLong()).isEqualTo(5);
    }

    @Test
    void everyBadRequestIsAProblemWhoseDetailNamesTheParameterAndItsValue() {
        assertProblem(HttpMethod.GET, "/api/gaps?severity=urgent", null, 400, "severity", "urgent", "CRITICAL");
        assertProblem(HttpMethod.GET, "/api/gaps?page=-1", null, 400, "'page'", "-1");
        assertProblem(HttpMethod.GET, "/api/gaps?size=501", null, 400, "'size'", "501", "500");
        assertProblem(HttpMethod.GET, "/api/projects?size=0", null, 400, "'size'", "'0'");
        assertProblem(HttpMethod.GET, "/api/projects?page=first", null, 400, "'page'", "first", "whole number");
        assertProblem(HttpMethod.GET, "/api/projects?closed=maybe", null, 400, "'closed'", "maybe", "true or false");
        assertProblem(HttpMethod.GET, "/api/gaps/p-01/security/one", null, 400, "'seat'", "one");
        assertProblem(HttpMethod.GET, "/api/no-such-list", null, 404, "/api/no-such-list");
        assertProblem(HttpMethod.GET, "/api/gaps/p-01/security/9", null, 404, "p-01/security/9");
        assertProblem(HttpMethod.DELETE, "/api/gaps", null, 405, "DELETE", "/api/gaps", "GET");
        String acknowledgement = "/api/gaps/p-01/security/1/acknowledgement";
        assertProblem(HttpMethod.POST, acknowledgement, "{\"note\": ", 400, "request body", acknowledgement);
        assertProblem(HttpMethod.POST, acknowledgement, "[1, 2]", 400, "request body", acknowledgement);
    }

    @Test
    void theOpenApiDocumentValidatesAndDescribesEveryOperation() {
        String document = fixture.service().http().get().uri("/v3/api-docs").retrieve().body(String.class);
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(document, null, options);

        assertThat(result.getMessages()).as("validation messages").isEmpty();
        OpenAPI api = result.getOpenAPI();
        assertThat(api.getInfo().getTitle()).isEqualTo("Staffing assignment service API");
        assertThat(api.getInfo().getVersion()).isNotBlank();
        assertThat(api.getInfo().getDescription()).contains("problem");
        assertThat(api.getComponents().getSecuritySchemes()).containsOnlyKeys("basicAuth", "bearerJwt");
        assertThat(api.getComponents().getSecuritySchemes().get("bearerJwt").getBearerFormat()).isEqualTo("JWT");
        assertThat(api.getPaths()).containsKeys("/api/projects", "/api/projects/{projectId}/staffing", "/api/gaps",
                "/api/gaps/{projectId}/{slotId}/{seat}", "/api/personas", "/api/personas/{id}", "/api/overrides");
        assertThat(api.getPaths()).allSatisfy((path, item) -> assertThat(path).startsWith("/api/"));
        Map<String, Operation> operations = new TreeMap<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                operations.put(method + " " + path, operation)));
        assertThat(operations).hasSizeGreaterThanOrEqualTo(12).allSatisfy((name, operation) -> {
            assertThat(operation.getResponses()).as(name).containsKeys("400", "401", "403", "405", "500");
            assertThat(operation.getResponses().get("400").getContent()).as(name)
                    .containsKey("application/problem+json");
            assertThat(operation.getParameters() == null ? List.of() : operation.getParameters())
                    .allSatisfy(parameter -> assertThat(parameter.getDescription()).as(name + " " + parameter.getName())
                            .isNotBlank());
        });
        assertThat(operations).as("operations with a summary (GET /api/me belongs to security, which has none yet)")
                .allSatisfy((name, operation) -> {
                    if (!name.equals("GET /api/me")) {
                        assertThat(operation.getSummary()).as(name).isNotBlank();
                    }
                });
        Operation gaps = api.getPaths().get("/api/gaps").getGet();
        assertThat(gaps.getParameters()).extracting(parameter -> parameter.getName())
                .containsExactlyInAnyOrder("persona", "severity", "pool", "projectId", "page", "size");
        assertThat(gaps.getParameters()).filteredOn(parameter -> parameter.getName().equals("size")).singleElement()
                .satisfies(size -> {
                    assertThat(size.getSchema().getMaximum()).isEqualByComparingTo("500");
                    assertThat(size.getSchema().getDefault()).hasToString("50");
                });
        assertThat(api.getPaths().get("/api/gaps/{projectId}/{slotId}/{seat}").getGet().getResponses())
                .containsKey("404");
    }

    @Test
    void swaggerUiIsServedFromTheJar() {
        ResponseEntity<String> entry = fixture.service().http().get().uri("/swagger-ui.html")
                .exchange((request, response) -> ResponseEntity.status(response.getStatusCode())
                        .headers(response.getHeaders()).body(response.bodyTo(String.class)));
        assertThat(entry.getStatusCode().value()).isIn(200, 302);
        if (entry.getStatusCode().value() == 302) {
            assertThat(entry.getHeaders().getLocation()).hasPath("/swagger-ui/index.html");
        }
        ResponseEntity<String> page = fixture.service().http().get().uri("/swagger-ui/index.html").retrieve()
                .toEntity(String.class);
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getBody()).contains("swagger-ui");
        JsonNode config = fixture.get("/v3/api-docs/swagger-config");
        assertThat(config.get("url").asString()).isEqualTo("/v3/api-docs");
        assertThat(fixture.service().http().get().uri("/swagger-ui/swagger-ui-bundle.js").retrieve()
                .toEntity(String.class).getStatusCode().value()).isEqualTo(200);
    }

    private void assertFilter(String uri, List<JsonNode> all, Predicate<JsonNode> matches, int expected) {
        JsonNode answer = fixture.get(uri + "&size=500");
        List<String> wanted = all.stream().filter(matches).map(gap -> gap.get("seatKey").asString()).toList();
        if (expected >= 0) {
            assertThat(wanted).as(uri).hasSize(expected);
        }
        assertThat(items(answer)).as(uri).extracting(gap -> gap.get("seatKey").asString())
                .containsExactlyElementsOf(wanted);
        assertThat(answer.get("totalItems").asLong()).as(uri).isEqualTo(wanted.size());
    }

    private List<String> ids(String uri) {
        return items(fixture.get(uri)).stream().map(project -> project.get("id").asString()).toList();
    }

    private static List<JsonNode> items(JsonNode page) {
        List<JsonNode> items = new ArrayList<>();
        page.get("items").forEach(items::add);
        return items;
    }

    private void assertProblem(HttpMethod method, String uri, String jsonBody, int status,
            String... detailMentions) {
        var request = fixture.service().http().method(method).uri(uri);
        if (jsonBody != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).body(jsonBody);
        }
        ResponseEntity<JsonNode> response = request.exchange((sent, answer) -> ResponseEntity
                .status(answer.getStatusCode()).headers(answer.getHeaders()).body(answer.bodyTo(JsonNode.class)));
        assertThat(response.getStatusCode().value()).as(method + " " + uri).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).as(method + " " + uri)
                .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("status").asInt()).isEqualTo(status);
        assertThat(response.getBody().get("detail").asString()).as(method + " " + uri).contains(detailMentions);
    }
}
