package dev.staffing.assignment.flow;

import dev.staffing.assignment.StaffingApplication;
import java.util.LinkedHashMap;
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

    static RunningService start(Map<String, Object> properties) {
        Map<String, Object> all = new LinkedHashMap<>(properties);
        all.put("server.port", "0");
        all.put("spring.kafka.consumer.properties.metadata.max.age.ms", "1000");
        // Command-line arguments outrank application.yml, as an operator's settings would.
        String[] args = all.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new RunningService(new SpringApplicationBuilder(StaffingApplication.class).run(args));
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
