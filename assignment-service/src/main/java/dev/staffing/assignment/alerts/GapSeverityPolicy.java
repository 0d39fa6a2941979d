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
