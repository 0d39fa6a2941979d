package dev.staffing.assignment.embedded;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The zero-configuration infrastructure ({@code staffing.embedded.*}): started only for what is not
 * configured (no {@code spring.kafka.bootstrap-servers}, no {@code spring.kafka.properties.schema.registry.url}).
 *
 * @param enabled false to never start anything (then both must be configured)
 * @param startupTimeout how long to wait for each part to answer
 * @param reset delete the broker's and the registry's data (together) before starting
 */
@ConfigurationProperties(prefix = "staffing.embedded")
public record EmbeddedInfrastructureProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue Kafka kafka,
        @DefaultValue Registry registry,
        @DefaultValue("90s") Duration startupTimeout,
        @DefaultValue("false") boolean reset) {

    /**
     * @param port the broker's port (0: any free one; a taken port falls back to a free one)
     * @param controllerPort the KRaft controller's port
     */
    public record Kafka(@DefaultValue("19092") int port, @DefaultValue("19093") int controllerPort) {
    }

    /**
     * @param port the registry's HTTP port (0: any free one; a taken port falls back to a free one)
     * @param home Apicurio's unpacked server; found by itself when empty
     * @param jdk a Java 21+ home to run it with; found by itself when empty
     */
    public record Registry(@DefaultValue("18081") int port, String home, String jdk) {
    }
}
