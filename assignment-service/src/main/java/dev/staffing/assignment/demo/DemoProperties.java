package dev.staffing.assignment.demo;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The sample organisation fed at start when enabled ({@code --staffing.demo.enabled=true} or
 * STAFFING_DEMO_ENABLED=true). The same seed gives the same events, so a restart feeds only duplicates.
 */
@Validated
@ConfigurationProperties(prefix = "staffing.demo")
record DemoProperties(@DefaultValue("false") boolean enabled, @Min(1) @DefaultValue("300") int people,
        @Min(1) @DefaultValue("36") int projects, @DefaultValue("42") long seed) {
}
