package dev.staffing.assignment.health;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * Asks the schema registry configured for the Kafka clients ({@code spring.kafka.properties.schema.registry.url},
 * one URL or several separated by commas, with {@code basic.auth.user.info} or credentials in the URL) for its
 * global compatibility setting, {@code GET <url>/config}: a small answer that every Confluent-compatible
 * registry gives. Reachable when one of the URLs answers it.
 */
@Component
public class SchemaRegistryProbe {

    static final String DEPENDENCY = "schema registry";

    private final List<URI> configUris;
    private final String authorization;
    private final Duration timeout;
    private final HttpClient client;

    SchemaRegistryProbe(KafkaProperties kafkaProperties, HealthProbeProperties properties) {
        Map<String, String> clientProperties = kafkaProperties.getProperties();
        String urls = clientProperties.getOrDefault("schema.registry.url", "");
        this.configUris = Arrays.stream(urls.split(",")).map(String::trim).filter(url -> !url.isEmpty())
                .map(SchemaRegistryProbe::configUri).toList();
        String userInfo = clientProperties.get("basic.auth.user.info");
        if ((userInfo == null || userInfo.isBlank()) && !configUris.isEmpty()) {
            userInfo = URI.create(urls.split(",")[0].trim()).getUserInfo();
        }
        this.authorization = userInfo == null || userInfo.isBlank() ? null
                : "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
        this.timeout = properties.timeout();
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** Whether a registry is configured at all; without one there is nothing to probe. */
    public boolean configured() {
        return !configUris.isEmpty();
    }

    /** Blocks at most the probe timeout per configured URL; reachable when none is configured. */
    public ProbeResult probe() {
        if (!configured()) {
            return ProbeResult.reachable(DEPENDENCY, "no schema.registry.url is configured");
        }
        List<String> failures = new ArrayList<>();
        for (URI uri : configUris) {
            String failure = ask(uri);
            if (failure == null) {
                return ProbeResult.reachable(DEPENDENCY, "GET " + uri + " answered");
            }
            failures.add(failure);
        }
        return ProbeResult.unreachable(DEPENDENCY, String.join("; ", failures));
    }

    /** Returns null when the registry answered with success, else what went wrong. */
    private String ask(URI uri) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET()
                .header("Accept", "application/vnd.schemaregistry.v1+json, application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            int status = client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            return status / 100 == 2 ? null : "GET " + uri + " answered HTTP " + status;
        } catch (IOException e) {
            return "GET " + uri + " failed: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "GET " + uri + " was interrupted";
        }
    }

    /** The base URL without credentials (they go in a header), with {@code /config} appended. */
    private static URI configUri(String baseUrl) {
        URI base = URI.create(baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl);
        try {
            return new URI(base.getScheme(), null, base.getHost(), base.getPort(), base.getPath() + "/config", null,
                    null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("schema.registry.url " + baseUrl + " is not a URL", e);
        }
    }
}
