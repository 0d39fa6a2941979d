package dev.staffing.assignment.health;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param timeout how long a probe waits for a dependency to answer (the schema registry's HTTP request,
 *     the database's connection check; getting a database connection waits up to the connection pool's
 *     own {@code spring.datasource.hikari.connection-timeout} first)
 */
@Validated
@ConfigurationProperties(prefix = "staffing.health")
record HealthProbeProperties(@DefaultValue("2s") Duration timeout) {
}
