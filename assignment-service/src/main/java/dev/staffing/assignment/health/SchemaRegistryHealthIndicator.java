package dev.staffing.assignment.health;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code schemaRegistry} health component: DOWN while the registry does not answer, since then records
 * with a schema id not seen before cannot be decoded and ingest holds back. UNKNOWN where none is configured.
 */
@Component("schemaRegistryHealthIndicator")
class SchemaRegistryHealthIndicator implements HealthIndicator {

    private final SchemaRegistryProbe probe;

    SchemaRegistryHealthIndicator(SchemaRegistryProbe probe) {
        this.probe = probe;
    }

    @Override
    public Health health() {
        if (!probe.configured()) {
            return Health.unknown().withDetail("detail", "no schema.registry.url is configured").build();
        }
        ProbeResult result = probe.probe();
        return (result.reachable() ? Health.up() : Health.down()).withDetail("detail", result.detail()).build();
    }
}
