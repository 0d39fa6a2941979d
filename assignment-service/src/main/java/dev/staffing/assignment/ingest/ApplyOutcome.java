package dev.staffing.assignment.ingest;

/**
 * What applying one input event did.
 *
 * @param created true when the event created its person or project, so parked events may now apply
 */
record ApplyOutcome(Status status, boolean created) {

    enum Status {
        APPLIED,
        DUPLICATE,
        STALE,
        PARKED
    }

    static ApplyOutcome applied(boolean created) {
        return new ApplyOutcome(Status.APPLIED, created);
    }

    static ApplyOutcome skipped(Status status) {
        return new ApplyOutcome(status, false);
    }
}
