package dev.staffing.assignment.flow;

import dev.staffing.assignment.StaffingApplication;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;

/** The whole service, started as its jar would start it, so that a test can stop and restart it. */
final class RunningService implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final RestClient http;

    private RunningService(ConfigurableApplicationContext context) {
        this.context = context;
        this.http = RestClient.create("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port"));
    }

    /**
     * Settings for one isolated service: the broker and registry, a consumer group and topics of its own
     * (each name with {@code -<suffix>}).
     */
    static Map<String, Object> isolatedSettings(String bootstrapServers, String registryUrl, String suffix) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("spring.kafka.bootstrap-servers", bootstrapServers);
        settings.put("spring.kafka.properties.schema.registry.url", registryUrl);
        settings.put("spring.kafka.consumer.group-id", "assignment-service-" + suffix);
        for (String name : List.of("employee-events", "project-events", "assignment-events", "gap-alerts",
                "dead-letter")) {
            settings.put("staffing.topics." + name, topic(name, suffix));
        }
        return settings;
    }

    static String topic(String name, String suffix) {
        return name + "-" + suffix;
    }

    /** An H2 database in PostgreSQL mode, in a file, as the zero-configuration default keeps it. */
    static String h2FileUrl(java.nio.file.Path file) {
        return "jdbc:h2:file:" + file + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    }

    static RunningService start(Map<String, Object> properties) {
        return start(properties, new Class<?>[0]);
    }

    /** The service with more configuration classes (a test-only controller, say) beside the application's. */
    static RunningService start(Map<String, Object> properties, Class<?>... extraSources) {
        Map<String, Object> all = new LinkedHashMap<>(properties);
        all.put("server.port", "0");
        all.put("spring.kafka.consumer.properties.metadata.max.age.ms", "1000");
        // Command-line arguments outrank application.yml, as an operator's settings would.
        String[] args = all.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new RunningService(new SpringApplicationBuilder(StaffingApplication.class).sources(extraSources)
                .run(args));
    }

    RestClient http() {
        return http;
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
