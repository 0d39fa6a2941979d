package dev.staffing.assignment.ingest;

import java.util.Set;

/**
 * What applying one input event did.
 *
 * @param pools the staffing pools whose staffing must be decided again
 * @param created true when the event created its person or project, so parked events may now apply
 */
record ApplyOutcome(Status status, Set<String> pools, boolean created) {

    enum Status {
        APPLIED,
        DUPLICATE,
        STALE,
        PARKED
    }

    static ApplyOutcome applied(Set<String> pools, boolean created) {
        return new ApplyOutcome(Status.APPLIED, Set.copyOf(pools), created);
    }

    static ApplyOutcome skipped(Status status) {
        return new ApplyOutcome(status, Set.of(), false);
    }
}
