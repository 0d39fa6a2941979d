package dev.staffing.assignment.embedded;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The zero-configuration infrastructure ({@code staffing.embedded.*}): started only for what is not
 * configured (no {@code spring.kafka.bootstrap-servers}, no {@code spring.kafka.properties.schema.registry.url}).
 *
 * @param enabled false to never start anything (then both must be configured)
 * @param kafkaPort the broker's port (0: any free one)
 * @param controllerPort the KRaft controller's port (0: any free one)
 * @param registryPort the registry's HTTP port (0: any free one; a taken port falls back to a free one)
 * @param registryHome Apicurio's unpacked server; found by itself when empty
 * @param registryJavaHome a Java 21+ home for the registry; found by itself when empty
 * @param startupTimeout how long to wait for each to answer
 * @param resetOnStart delete the broker's and the registry's data (together) before starting
 */
@ConfigurationProperties(prefix = "staffing.embedded")
public record EmbeddedInfrastructureProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("19092") int kafkaPort,
        @DefaultValue("19093") int controllerPort,
        @DefaultValue("18081") int registryPort,
        String registryHome,
        String registryJavaHome,
        @DefaultValue("90s") Duration startupTimeout,
        @DefaultValue("false") boolean resetOnStart) {
}
