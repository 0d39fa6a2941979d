package dev.staffing.assignment.alerts;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When gaps are announced and how their severity rises as their day nears ({@code staffing.gaps.*}).
 *
 * @param horizon how far ahead a gap is announced: a seat needed later, or a departure or leave that
 *     starts later, raises nothing yet
 * @param near a gap this close (or already effective) has its full severity
 * @param far a gap further away than {@code near} is one level lower; further than {@code far}, two
 * @param redecideCron when every pool is decided again, so that what a date brings (a departure, a
 *     leave, a project start) is acted on without a new event
 */
@ConfigurationProperties(prefix = "staffing.gaps")
public record GapProperties(@DefaultValue("60d") Duration horizon, @DefaultValue("7d") Duration near,
        @DefaultValue("30d") Duration far, @DefaultValue("0 5 0 * * *") String redecideCron) {
}
