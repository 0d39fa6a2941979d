package dev.staffing.assignment.alerts;

import dev.staffing.events.GapSeverity;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How an urgent gap that no one acknowledges is escalated to the people on call
 * ({@code staffing.gaps.escalation.*}).
 *
 * @param after how long a gap may stay unacknowledged before it is escalated to level 1, and then how long
 *     each level lasts before the next
 * @param maxLevel the highest level; an unacknowledged gap stays there
 * @param checkInterval how often the service looks for gaps that are due
 * @param lowestSeverity the lowest severity that escalates (CRITICAL: only critical gaps do)
 */
@Validated
@ConfigurationProperties(prefix = "staffing.gaps.escalation")
public record GapEscalationProperties(@NotNull @DefaultValue("30m") Duration after,
        @Min(1) @DefaultValue("3") int maxLevel, @NotNull @DefaultValue("30s") Duration checkInterval,
        @NotNull @DefaultValue("CRITICAL") GapSeverity lowestSeverity) {

    /** Whether a gap of {@code severity} escalates at all. */
    boolean escalates(String severity) {
        return GapSeverity.valueOf(severity).compareTo(lowestSeverity) >= 0;
    }
}
