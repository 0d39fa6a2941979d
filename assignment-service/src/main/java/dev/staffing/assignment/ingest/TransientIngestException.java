package dev.staffing.assignment.ingest;

/** A failure that may pass (a registry or database outage): the batch is retried, never dead-lettered. */
class TransientIngestException extends RuntimeException {

    TransientIngestException(String message, Throwable cause) {
        super(message, cause);
    }
}
