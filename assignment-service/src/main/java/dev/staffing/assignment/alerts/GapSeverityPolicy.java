package dev.staffing.assignment.alerts;

import dev.staffing.assignment.personas.Criticality;
import dev.staffing.events.GapSeverity;

/**
 * How urgent an empty seat is: a critical persona's gap is always CRITICAL; otherwise the project's
 * priority sets the level (4-5 HIGH, 3 MEDIUM, 1-2 LOW), a HIGH persona raises it by one and a LOW
 * persona lowers it by one, staying between LOW and HIGH.
 */
public final class GapSeverityPolicy {

    private GapSeverityPolicy() {
    }

    /**
     * The severity of a gap that takes effect in {@code daysAhead} days (0 or less: it has): full within
     * {@code nearDays}, one level lower within {@code farDays}, two lower beyond, never below LOW.
     */
    public static GapSeverity severityOf(Criticality criticality, int projectPriority, long daysAhead, long nearDays,
            long farDays) {
        GapSeverity full = severityOf(criticality, projectPriority);
        int lowered = daysAhead <= nearDays ? 0 : daysAhead <= farDays ? 1 : 2;
        return GapSeverity.values()[Math.max(0, full.ordinal() - lowered)];
    }

    public static GapSeverity severityOf(Criticality criticality, int projectPriority) {
        if (criticality == Criticality.CRITICAL) {
            return GapSeverity.CRITICAL;
        }
        int level = projectPriority >= 4 ? 2 : projectPriority == 3 ? 1 : 0;
        if (criticality == Criticality.HIGH) {
            level++;
        } else if (criticality == Criticality.LOW) {
            level--;
        }
        return GapSeverity.values()[Math.max(0, Math.min(level, GapSeverity.HIGH.ordinal()))];
    }
}
