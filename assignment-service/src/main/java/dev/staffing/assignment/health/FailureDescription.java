package dev.staffing.assignment.health;

import org.springframework.transaction.TransactionSystemException;

/**
 * A failure in one line for an operator's log or the health endpoint: its class and message, its root cause
 * where that is another, and the failure a failed rollback hid (a rollback that fails after the connection
 * was lost overrides the exception that caused it).
 */
public final class FailureDescription {

    private static final int MAX_MESSAGE = 300;

    private FailureDescription() {
    }

    public static String of(Throwable error) {
        String described = withRootCause(error);
        if (error instanceof TransactionSystemException overridden && overridden.getApplicationException() != null) {
            described += ", after " + withRootCause(overridden.getApplicationException());
        }
        return described;
    }

    private static String withRootCause(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String described = oneLine(error);
        return root == error ? described : described + " (caused by " + oneLine(root) + ")";
    }

    private static String oneLine(Throwable error) {
        String message = String.valueOf(error.getMessage()).replaceAll("\\s+", " ");
        if (message.length() > MAX_MESSAGE) {
            message = message.substring(0, MAX_MESSAGE) + "...";
        }
        return error.getClass().getSimpleName() + ": " + message;
    }
}
