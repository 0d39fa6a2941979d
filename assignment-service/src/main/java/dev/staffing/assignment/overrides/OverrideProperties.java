package dev.staffing.assignment.overrides;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the override API ({@code staffing.overrides.*}).
 *
 * @param publishTimeout how long a request waits for the broker to take the override before it answers 503
 * @param auditLimit the most audit entries one answer lists
 */
@ConfigurationProperties("staffing.overrides")
public record OverrideProperties(@DefaultValue("10s") Duration publishTimeout, @DefaultValue("200") int auditLimit) {
}
