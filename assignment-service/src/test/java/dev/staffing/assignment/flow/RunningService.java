package dev.staffing.assignment.flow;

import dev.staffing.assignment.StaffingApplication;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;

/** The whole service, started as its jar would start it, so that a test can stop and restart it. */
final class RunningService implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final RestClient http;

    /** The local users every test service starts with (user name, password). */
    private static final Credentials MANAGER = new Credentials("test-manager", "manager-" + UUID.randomUUID());
    private static final Credentials READER = new Credentials("test-reader", "reader-" + UUID.randomUUID());

    private RunningService(ConfigurableApplicationContext context) {
        this.context = context;
        this.http = RestClient.builder().baseUrl(baseUrl())
                .defaultHeaders(headers -> headers.setBasicAuth(MANAGER.user(), MANAGER.password())).build();
    }

    /** A user name and password of a local user. */
    record Credentials(String user, String password) {
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
                "dead-letter", "overrides")) {
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
        Map<String, Object> all = new LinkedHashMap<>(properties);
        all.put("server.port", "0");
        all.putIfAbsent("staffing.security.local-users.manager-name", MANAGER.user());
        all.putIfAbsent("staffing.security.local-users.manager-password", MANAGER.password());
        all.putIfAbsent("staffing.security.local-users.reader-name", READER.user());
        all.putIfAbsent("staffing.security.local-users.reader-password", READER.password());
        all.put("spring.kafka.consumer.properties.metadata.max.age.ms", "1000");
        // Command-line arguments outrank application.yml, as an operator's settings would.
        String[] args = all.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new RunningService(new SpringApplicationBuilder(StaffingApplication.class).run(args));
    }

    /** A client of the service's HTTP API, signed in as the local manager (HTTP basic). */
    RestClient http() {
        return http;
    }

    /** A client of the service's HTTP API that sends no credentials. */
    RestClient anonymousHttp() {
        return RestClient.create(baseUrl());
    }

    /** The service's base URL, {@code http://127.0.0.1:<port>}. */
    String baseUrl() {
        return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    }

    /** The local manager: reads and changes. */
    static Credentials managerCredentials() {
        return MANAGER;
    }

    /** The local reader: reads only. */
    static Credentials readerCredentials() {
        return READER;
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
