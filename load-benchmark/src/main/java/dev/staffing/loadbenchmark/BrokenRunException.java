package dev.staffing.loadbenchmark;

/** A run that cannot be measured (the service did not start, events were lost): the benchmark exits non-zero. */
final class BrokenRunException extends RuntimeException {

    BrokenRunException(String message) {
        super(message);
    }

    BrokenRunException(String message, Throwable cause) {
        super(message, cause);
    }
}
