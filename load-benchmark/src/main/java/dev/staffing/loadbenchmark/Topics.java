package dev.staffing.loadbenchmark;

import java.util.List;

/** The service's topics, by their default names (README, topics table): the one place that names them here. */
final class Topics {

    static final String EMPLOYEE_EVENTS = "employee-events";
    static final String PROJECT_EVENTS = "project-events";
    static final String ASSIGNMENT_EVENTS = "assignment-events";
    static final String GAP_ALERTS = "gap-alerts";

    static final List<String> INPUTS = List.of(EMPLOYEE_EVENTS, PROJECT_EVENTS);
    /** The pool-keyed topic the service routes its inputs through when several instances share the work. */
    static final String POOL_EVENTS = "staffing-pool-events";
    static final List<String> OUTPUTS = List.of(ASSIGNMENT_EVENTS, GAP_ALERTS);

    private Topics() {
    }
}
