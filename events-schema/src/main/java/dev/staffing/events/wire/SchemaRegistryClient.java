package dev.staffing.events.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * A small client of the Confluent Schema Registry REST API: register a schema under a subject, find
 * a schema by id. Answers are cached per instance; ids never change meaning, so the cache needs no expiry.
 */
public class SchemaRegistryClient {

    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

    private final List<String> baseUrls;
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Integer> idsBySubjectAndSchema = new ConcurrentHashMap<>();
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();

    public SchemaRegistryClient(List<String> baseUrls, String userInfo) {
        this.baseUrls = baseUrls.stream().map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url)
                .toList();
        this.authorization = userInfo == null ? null
                : "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
    }

    /** Registers the schema under the subject (or finds it there already) and returns its id. */
    public int register(String subject, Schema schema) {
        return idsBySubjectAndSchema.computeIfAbsent(subject + '\n' + schema.toString(), key -> {
            int id = call("POST", "/subjects/" + encode(subject) + "/versions", body(schema), "subject " + subject)
                    .path("id").asInt(-1);
            schemasById.putIfAbsent(id, schema);
            return id;
        });
    }

    /** The id the schema already has under the subject, without registering it. */
    public int lookup(String subject, Schema schema) {
        return idsBySubjectAndSchema.computeIfAbsent(subject + '\n' + schema.toString(), key ->
                call("POST", "/subjects/" + encode(subject), body(schema), "subject " + subject).path("id").asInt(-1));
    }

    /** The schema registered with this id. */
    public Schema schemaById(int id) {
        return schemasById.computeIfAbsent(id, key -> {
            String text = call("GET", "/schemas/ids/" + id, null, "schema id " + id).path("schema").asText();
            return new Schema.Parser().parse(text);
        });
    }

    private String body(Schema schema) {
        try {
            return json.writeValueAsString(Map.of("schema", schema.toString()));
        } catch (IOException e) {
            throw new SchemaRegistryException("Could not encode schema " + schema.getFullName(), e);
        }
    }

    private JsonNode call(String method, String path, String body, String what) {
        RegistryUnavailableException lastFailure = null;
        for (String baseUrl : baseUrls) {
            URI uri = URI.create(baseUrl + path);
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                    .header("Accept", CONTENT_TYPE + ", application/json");
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            if (body != null) {
                request.header("Content-Type", CONTENT_TYPE);
            }
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() / 100 == 2) {
                    return json.readTree(response.body());
                }
                String message = "Schema registry " + method + " " + uri + " for " + what + " answered "
                        + response.statusCode() + ": " + response.body();
                if (response.statusCode() >= 500) {
                    lastFailure = new RegistryUnavailableException(message, response.statusCode());
                    continue;
                }
                throw new SchemaRegistryException(message, response.statusCode());
            } catch (IOException e) {
                lastFailure = new RegistryUnavailableException("Schema registry at " + baseUrl + " unreachable for "
                        + what + ": " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RegistryUnavailableException("Interrupted while calling the schema registry for " + what, e);
            }
        }
        throw lastFailure;
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
