package dev.staffing.assignment.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.actuate.endpoint.CompositeHealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@value #HEALTH}{component}: 1 while the health endpoint says UP, else 0, for the whole service
 * ({@code component="service"}) and each of its components (db, schemaRegistry, ingest, ...), so that a
 * dashboard shows health from the same scrape as everything else. Read on a schedule: a health check probes
 * the database and the registry, which a scrape should not wait for.
 */
@Component
class HealthGauge {

    static final String HEALTH = "staffing.health";

    private final ObjectProvider<HealthEndpoint> endpoint;
    private final MultiGauge gauge;

    HealthGauge(ObjectProvider<HealthEndpoint> endpoint, MeterRegistry registry) {
        this.endpoint = endpoint;
        this.gauge = MultiGauge.builder(HEALTH)
                .description("1 while the service (component=service) or one of its health components is UP, else 0")
                .register(registry);
    }

    @Scheduled(fixedDelayString = "${staffing.metrics.refresh-interval:10s}")
    void refresh() {
        HealthEndpoint health = endpoint.getIfAvailable();
        if (health == null) {
            return;
        }
        HealthDescriptor service = health.health();
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        rows.add(row("service", service));
        if (service instanceof CompositeHealthDescriptor composite) {
            composite.getComponents().forEach((name, component) -> rows.add(row(name, component)));
        }
        gauge.register(rows, true);
    }

    private static MultiGauge.Row<?> row(String component, HealthDescriptor descriptor) {
        return MultiGauge.Row.of(Tags.of("component", component), Status.UP.equals(descriptor.getStatus()) ? 1 : 0);
    }
}
