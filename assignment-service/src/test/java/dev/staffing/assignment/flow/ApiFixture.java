package dev.staffing.assignment.flow;

import static dev.staffing.assignment.flow.TestEvents.closed;
import static dev.staffing.assignment.flow.TestEvents.hired;
import static dev.staffing.assignment.flow.TestEvents.opened;
import static dev.staffing.assignment.flow.TestEvents.slot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.staffing.assignment.support.SharedInfrastructure;
import dev.staffing.events.ProjectEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;

/**
 * A running service on its own topics and H2 file, fed a small organisation whose staffing is known:
 * two backend engineers and six projects (p-01 to p-06) that each ask for a security engineer, a backend
 * engineer and a QA engineer; p-06 is in pool {@code north}, where nobody works; p-05 is closed. So 13 open
 * gaps (five of them security-engineer CRITICAL), 2 filled seats.
 */
final class ApiFixture implements AutoCloseable {

    static final int OPEN_GAPS = 13;
    static final int FILLED = 2;
    static final int APPLIED_EVENTS = 9;
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private final RunningService service;

    private ApiFixture(RunningService service) {
        this.service = service;
    }

    /** Settings of an H2 database in a file of {@code directory}, the zero-configuration default. */
    static Map<String, Object> h2(Path directory) {
        return Map.of("spring.datasource.url", RunningService.h2FileUrl(directory.resolve("db")));
    }

    /** Settings of a schema of its own on the PostgreSQL server that STAFFING_TEST_POSTGRES_URL names. */
    static Map<String, Object> postgres() {
        return TestPostgresSchemas.properties("api_" + UUID.randomUUID().toString().substring(0, 8));
    }

    /**
     * Starts the service with {@code extra} settings (its database among them), feeds it the organisation and
     * waits until it decided.
     */
    static ApiFixture start(Map<String, Object> extra) throws Exception {
        SharedInfrastructure infrastructure = SharedInfrastructure.get();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> settings = new HashMap<>(RunningService.isolatedSettings(
                infrastructure.bootstrapServers(), infrastructure.registryUrl(), suffix));
        settings.putAll(extra);
        ApiFixture fixture = new ApiFixture(RunningService.start(settings));
        try {
            fixture.feed(infrastructure, suffix);
        } catch (Exception | AssertionError e) {
            fixture.close();
            throw e;
        }
        return fixture;
    }

    RunningService service() {
        return service;
    }

    JsonNode get(String uri) {
        return service.http().get().uri(uri).retrieve().body(JsonNode.class);
    }

    private void feed(SharedInfrastructure infrastructure, String topicSuffix) throws Exception {
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, "dev.staffing.events.wire.AvroWireSerializer",
                "schema.registry.url", infrastructure.registryUrl()))) {
            String employees = RunningService.topic("employee-events", topicSuffix);
            String projects = RunningService.topic("project-events", topicSuffix);
            send(producer, employees, "e-1", hired("e-1", 1, "backend-engineer", 1.0));
            send(producer, employees, "e-2", hired("e-2", 1, "backend-engineer", 1.0));
            int[] priorities = {5, 4, 3, 2, 1, 3};
            for (int i = 1; i <= 6; i++) {
                ProjectEvent project = opened("p-0" + i, priorities[i - 1],
                        slot("security", "security-engineer", 1, 1.0), slot("backend", "backend-engineer", 1, 1.0),
                        slot("qa", "qa-engineer", 1, 1.0));
                if (i == 6) {
                    project.setPool("north");
                }
                send(producer, projects, project.getProjectId(), project);
            }
            send(producer, projects, "p-05", closed("p-05", 2));
        }
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode projectPage = get("/api/projects?size=500");
            assertThat(projectPage.get("totalItems").asLong()).isEqualTo(6);
            long filled = 0;
            for (JsonNode project : projectPage.get("items")) {
                filled += project.get("filled").asLong();
            }
            assertThat(filled).isEqualTo(FILLED);
            assertThat(get("/api/gaps?size=500").get("totalItems").asLong()).isEqualTo(OPEN_GAPS);
        });
    }

    private static void send(KafkaProducer<String, Object> producer, String topic, String key, SpecificRecord event)
            throws Exception {
        producer.send(new ProducerRecord<>(topic, key, event)).get();
    }

    @Override
    public void close() {
        service.close();
    }
}
