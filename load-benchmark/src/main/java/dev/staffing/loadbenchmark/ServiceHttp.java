package dev.staffing.loadbenchmark;

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
import java.util.OptionalDouble;

/** The service's health and actuator metrics, read as its local reader user (HTTP basic). */
final class ServiceHttp {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final String base;
    private final String authorization;

    ServiceHttp(int port, String user, String password) {
        this.base = "http://127.0.0.1:" + port;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    boolean healthUp() {
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && json.readTree(response.body()).path("status").asText().equals("UP");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * The VALUE or COUNT of a meter, with tags as {@code name:value}; empty when the service does not answer
     * (a metric read must never stop a run).
     */
    OptionalDouble metric(String name, String... tags) {
        StringBuilder uri = new StringBuilder(base).append("/actuator/metrics/").append(name);
        for (int i = 0; i < tags.length; i++) {
            uri.append(i == 0 ? '?' : '&').append("tag=").append(tags[i]);
        }
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(uri.toString()))
                    .header("Authorization", authorization).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return OptionalDouble.empty();
            }
            for (JsonNode measurement : json.readTree(response.body()).path("measurements")) {
                String statistic = measurement.path("statistic").asText();
                if (statistic.equals("VALUE") || statistic.equals("COUNT")) {
                    return OptionalDouble.of(measurement.path("value").asDouble());
                }
            }
            return OptionalDouble.empty();
        } catch (IOException e) {
            return OptionalDouble.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalDouble.empty();
        }
    }
}
