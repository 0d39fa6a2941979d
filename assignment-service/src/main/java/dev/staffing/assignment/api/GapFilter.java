package dev.staffing.assignment.api;

import dev.staffing.assignment.alerts.OpenGap;
import dev.staffing.events.GapSeverity;

/** Filters of the open-gaps list; a null filter matches everything. */
record GapFilter(String persona, GapSeverity severity, String pool, String projectId) {

    boolean matches(OpenGap gap) {
        return (persona == null || persona.equals(gap.persona()))
                && (severity == null || severity.name().equals(gap.severity()))
                && (pool == null || pool.equals(gap.pool()))
                && (projectId == null || projectId.equals(gap.projectId()));
    }
}
