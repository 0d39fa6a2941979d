package dev.staffing.events.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.apache.kafka.common.errors.InterruptException;

/**
 * One request to the registry's Confluent REST API, tried against each configured URL in turn while
 * the failure is of the passing kind, and turned into the right exception when it fails.
 */
final class RegistryHttp {

    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final int MAX_BODY_IN_MESSAGE = 500;

    private final List<String> baseUrls;
    private final String authorization;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json;

    RegistryHttp(List<String> baseUrls, String userInfo, ObjectMapper json) {
        if (baseUrls.isEmpty()) {
            throw new IllegalArgumentException("at least one schema registry URL is needed");
        }
        this.baseUrls = baseUrls.stream().map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url)
                .toList();
        this.authorization = userInfo == null ? null
                : "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
        this.json = json;
    }

    /** Sends the request; {@code body} null means none. {@code what} names the subject or id for messages. */
    JsonNode send(String method, String path, String body, String what) {
        RegistryUnavailableException lastFailure = null;
        for (String baseUrl : baseUrls) {
            try {
                return sendTo(baseUrl, method, path, body, what);
            } catch (RegistryUnavailableException e) {
                if (lastFailure != null) {
                    e.addSuppressed(lastFailure);
                }
                lastFailure = e;
            }
        }
        throw lastFailure;
    }

    private JsonNode sendTo(String baseUrl, String method, String path, String body, String what) {
        URI uri = URI.create(baseUrl + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Accept", CONTENT_TYPE + ", application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", CONTENT_TYPE);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new RegistryUnavailableException("Schema registry " + method + " " + uri + " for " + what
                    + " failed: " + e, e);
        } catch (InterruptedException e) {
            throw new InterruptException("Interrupted calling the schema registry " + method + " " + uri
                    + " for " + what, e);
        }
        JsonNode answer = parse(response.body());
        if (response.statusCode() / 100 == 2 && answer != null) {
            return answer;
        }
        throw failure(method + " " + uri + " for " + what, response.statusCode(), answer, response.body());
    }

    private JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? null : json.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    /** Permanent only where the registry itself said no to this request; see the exceptions' docs. */
    static SchemaRegistryException failure(String request, int status, JsonNode answer, String rawBody) {
        int errorCode = answer != null && answer.path("error_code").canConvertToInt()
                ? answer.path("error_code").asInt() : SchemaRegistryException.NONE;
        String said = answer != null && answer.hasNonNull("message") ? answer.path("message").asText()
                : abbreviate(rawBody);
        String message = "Schema registry " + request + " answered HTTP " + status
                + (errorCode == SchemaRegistryException.NONE ? "" : " error_code " + errorCode) + ": " + said;
        boolean transientFailure = status >= 500 || status == 408 || status == 429 || status == 401 || status == 403
                || (status == 404 && errorCode == SchemaRegistryException.NONE) || status / 100 == 2;
        return transientFailure ? new RegistryUnavailableException(message, status, errorCode)
                : new SchemaRegistryException(message, status, errorCode);
    }

    private static String abbreviate(String body) {
        if (body == null || body.isBlank()) {
            return "(no body)";
        }
        return body.length() <= MAX_BODY_IN_MESSAGE ? body : body.substring(0, MAX_BODY_IN_MESSAGE) + "...";
    }
}
