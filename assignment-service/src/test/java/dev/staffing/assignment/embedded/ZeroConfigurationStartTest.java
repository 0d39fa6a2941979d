package dev.staffing.assignment.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.staffing.assignment.StaffingApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * With no broker and no registry configured the service starts its own, real ones, keeps their data
 * together in the data directory, and finds both again after a restart.
 */
class ZeroConfigurationStartTest {

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void startsItsOwnBrokerAndRegistryAndKeepsTheirStateAcrossARestart() throws Exception {
        String schemaId;
        Set<String> topics;
        try (ConfigurableApplicationContext first = start()) {
            String registry = first.getEnvironment().getProperty("spring.kafka.properties.schema.registry.url");
            String bootstrap = first.getEnvironment().getProperty("spring.kafka.bootstrap-servers");
            assertThat(registry).startsWith("http://127.0.0.1:").endsWith("/apis/ccompat/v7");
            assertThat(bootstrap).startsWith("127.0.0.1:");
            assertThat(get(registry + "/config")).contains("BACKWARD");
            schemaId = post(registry + "/subjects/probe-value/versions", "{\"schema\":\"\\\"string\\\"\"}");
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                topics = admin.listTopics().names().get();
            }
            assertThat(topics).contains("employee-events", "project-events", "assignment-events", "gap-alerts",
                    "staffing-dead-letter");
        }

        try (ConfigurableApplicationContext second = start()) {
            String registry = second.getEnvironment().getProperty("spring.kafka.properties.schema.registry.url");
            assertThat(get(registry + "/subjects/probe-value/versions/latest"))
                    .as("the registry kept its schemas, beside the broker's data").contains(idOf(schemaId));
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    second.getEnvironment().getProperty("spring.kafka.bootstrap-servers")))) {
                assertThat(admin.listTopics().names().get()).containsAll(topics);
            }
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(StaffingApplication.class).run(
                "--staffing.data-dir=" + dataDir,
                "--staffing.embedded.kafka.port=0",
                "--staffing.embedded.kafka.controller-port=0",
                "--staffing.embedded.registry.port=0",
                "--server.port=0");
    }

    private String get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private String post(String url, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** The "id":N part of a registry answer. */
    private static String idOf(String answer) {
        return answer.replaceAll(".*(\"id\"\\s*:\\s*\\d+).*", "$1");
    }
}
