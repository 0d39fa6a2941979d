package dev.staffing.assignment.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document of the HTTP API ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}): its
 * info block, its security schemes, and the problem-details answers that every operation can give.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String PROBLEM_JSON = "application/problem+json";
    static final String BASIC = "basicAuth";
    static final String BEARER = "bearerJwt";
    private static final String PROBLEM_SCHEMA = "ProblemDetail";

    @Bean
    OpenAPI staffingOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Staffing assignment service API").version("v1")
                        .description("""
                                The current staffing as the assignment service decided it: projects and who fills \
                                their seats, the open gaps with why each seat is empty, and the persona catalog. \
                                Lists are paged (page from 0, size 1 to 500) and filtered in the database. Every \
                                error is an RFC 9457 problem (application/problem+json) whose detail names what \
                                was wrong."""))
                .components(new Components()
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("basic").description("A local user's name and password"))
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")
                                .description("A JWT access token from the organisation's identity provider")))
                .addSecurityItem(new SecurityRequirement().addList(BASIC))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    /**
     * Adds the answers every operation can give: 400 for a bad parameter, 401 and 403, 405 for another method,
     * 500; and gives every error answer but 401 and 403 the problem-details body.
     */
    @Bean
    OpenApiCustomizer problemResponses() {
        return openApi -> {
            // Added here, not with the info block: springdoc drops schemas that nothing referred to before this.
            openApi.getComponents().addSchemas(PROBLEM_SCHEMA, problemSchema());
            openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
                ApiResponses responses = operation.getResponses();
                addIfAbsent(responses, "400", "A parameter is malformed or out of range; the detail names it and "
                        + "its value");
                addIfAbsent(responses, "401", "No credentials, or wrong ones");
                addIfAbsent(responses, "403", "The credentials do not allow this");
                addIfAbsent(responses, "405", "The path does not answer this HTTP method");
                addIfAbsent(responses, "500", "The service failed to answer");
                withProblemBodies(operation);
            }));
        };
    }

    private static void addIfAbsent(ApiResponses responses, String code, String description) {
        if (!responses.containsKey(code)) {
            responses.addApiResponse(code, new ApiResponse().description(description));
        }
    }

    private static void withProblemBodies(Operation operation) {
        operation.getResponses().forEach((code, response) -> {
            // 401 and 403 come from the security filters, before any controller: their bodies are not problems.
            boolean fromSecurity = code.equals("401") || code.equals("403");
            if ((code.startsWith("4") || code.startsWith("5")) && !fromSecurity) {
                response.setContent(new Content().addMediaType(PROBLEM_JSON,
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA))));
            }
        });
    }

    private static Schema<?> problemSchema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("type", new StringSchema().description("A URI that identifies the problem type")
                .example("about:blank"));
        properties.put("title", new StringSchema().description("The HTTP status's phrase").example("Bad Request"));
        properties.put("status", new IntegerSchema().description("The HTTP status code").example(400));
        properties.put("detail", new StringSchema().description("What was wrong and where")
                .example("Query parameter 'size' is 900; it must be at most 500"));
        properties.put("instance", new StringSchema().description("The path of the request").example("/api/gaps"));
        return new ObjectSchema().description("An RFC 9457 problem detail").properties(properties);
    }
}
