package dev.staffing.assignment.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.staffing.assignment.personas.Criticality;
import dev.staffing.events.GapSeverity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GapSeverityPolicyTest {

    @ParameterizedTest(name = "{0} persona on a priority {1} project: {2}")
    @CsvSource({
        "CRITICAL, 1, CRITICAL",
        "CRITICAL, 5, CRITICAL",
        "NORMAL, 5, HIGH",
        "NORMAL, 3, MEDIUM",
        "NORMAL, 1, LOW",
        "HIGH, 3, HIGH",
        "HIGH, 5, HIGH",
        "LOW, 3, LOW",
        "LOW, 1, LOW"})
    void severityFollowsCriticalityAndPriority(Criticality criticality, int priority, GapSeverity expected) {
        assertThat(GapSeverityPolicy.severityOf(criticality, priority)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} persona, priority {1}, {2} days ahead: {3}")
    @CsvSource({
        "CRITICAL, 3, 0, CRITICAL",
        "CRITICAL, 3, 7, CRITICAL",
        "CRITICAL, 3, 8, HIGH",
        "CRITICAL, 3, 30, HIGH",
        "CRITICAL, 3, 31, MEDIUM",
        "NORMAL, 5, 40, LOW",
        "NORMAL, 1, 40, LOW",
        "NORMAL, 5, -3, HIGH"})
    void severityRisesAsTheDayNears(Criticality criticality, int priority, long daysAhead, GapSeverity expected) {
        assertThat(GapSeverityPolicy.severityOf(criticality, priority, daysAhead, 7, 30)).isEqualTo(expected);
    }
}
