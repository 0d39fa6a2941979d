package dev.staffing.assignment.api;

import dev.staffing.events.GapSeverity;

/** Filters of the open-gaps list; a null filter matches everything. */
record GapFilter(String persona, GapSeverity severity, String pool, String projectId) {
}
