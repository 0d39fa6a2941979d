package dev.staffing.assignment.metrics;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param refreshInterval how often the state gauges (open gaps, seats, health) are read again; a scrape
 *     between two refreshes sees the last values
 */
@ConfigurationProperties(prefix = "staffing.metrics")
record MetricsProperties(@DefaultValue("10s") Duration refreshInterval) {
}
