package dev.staffing.assignment.api;

/**
 * Filters of the project list; a null filter matches everything. {@code hasGaps} true keeps projects with
 * at least one open gap, false those with none.
 */
record ProjectFilter(String pool, Boolean closed, Boolean hasGaps) {
}
