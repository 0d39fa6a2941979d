package dev.staffing.assignment.flow;

import dev.staffing.assignment.support.EnabledIfDockerImages;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The foundation's story against containers, for machines with Docker: Apache Kafka, PostgreSQL and
 * Apicurio Registry. Skipped, with the reason printed, where Docker or the images are absent.
 */
@EnabledIfDockerImages({StaffingFlowTestcontainersTest.KAFKA_IMAGE, StaffingFlowTestcontainersTest.POSTGRES_IMAGE,
    StaffingFlowTestcontainersTest.REGISTRY_IMAGE})
class StaffingFlowTestcontainersTest extends StaffingFlowScenarios {

    static final String KAFKA_IMAGE = "apache/kafka:4.2.1";
    static final String POSTGRES_IMAGE = "postgres:17-alpine";
    static final String REGISTRY_IMAGE = "apicurio/apicurio-registry:3.3.3";

    private static KafkaContainer kafka;
    private static PostgreSQLContainer postgres;
    private static GenericContainer<?> registry;

    @BeforeAll
    static void startContainers() {
        kafka = new KafkaContainer(KAFKA_IMAGE);
        postgres = new PostgreSQLContainer(POSTGRES_IMAGE);
        registry = new GenericContainer<>(REGISTRY_IMAGE)
                .withEnv("APICURIO_RULES_GLOBAL_COMPATIBILITY", "BACKWARD")
                .withExposedPorts(8080)
                .waitingFor(Wait.forHttp("/apis/ccompat/v7/config").forPort(8080)
                        .withStartupTimeout(Duration.ofMinutes(2)));
        kafka.start();
        postgres.start();
        registry.start();
    }

    @AfterAll
    static void stopContainers() {
        for (var container : new GenericContainer<?>[] {registry, postgres, kafka}) {
            if (container != null) {
                container.stop();
            }
        }
    }

    @Override
    protected String bootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    protected String registryUrl() {
        return "http://" + registry.getHost() + ":" + registry.getMappedPort(8080) + "/apis/ccompat/v7";
    }

    @Override
    protected Map<String, Object> databaseProperties(String suffix) {
        String schema = TestPostgresSchemas.name("flow", suffix);
        return Map.of("spring.datasource.url", postgres.getJdbcUrl() + "&currentSchema=" + schema,
                "spring.datasource.username", postgres.getUsername(),
                "spring.datasource.password", postgres.getPassword(),
                "spring.flyway.schemas", schema,
                "spring.flyway.create-schemas", "true");
    }
}
