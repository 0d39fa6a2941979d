package dev.staffing.assignment.ingest;

/** An input record that can never be applied: it goes to the dead-letter topic with this message. */
class InvalidEventException extends RuntimeException {

    private final String reasonCode;

    InvalidEventException(String reasonCode, String message) {
        super(message);
        this.reasonCode = reasonCode;
    }

    InvalidEventException(String reasonCode, String message, Throwable cause) {
        super(message, cause);
        this.reasonCode = reasonCode;
    }

    /** A short machine-readable reason, for example UNDECODABLE or INVALID_CAPACITY. */
    String reasonCode() {
        return reasonCode;
    }
}
