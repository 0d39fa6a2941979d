package dev.staffing.assignment.api;

/** A project in the list: how many seats it needs, how many are filled, how many gaps are open. */
record ProjectSummaryView(String id, String name, String pool, int priority, boolean closed, int seats, int filled,
        int openGaps) {
}
