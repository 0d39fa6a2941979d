package dev.staffing.assignment.ingest;

import dev.staffing.assignment.health.FailureDescription;
import dev.staffing.assignment.messaging.ValueDecoding;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Why a batch failed, in one line, and whether it is of the kind that passes by itself: the database or the
 * schema registry unreachable. Either way the batch is held back and tried again, never skipped; a failure of
 * another kind (a bug) is logged with its stack trace.
 *
 * @param cause the failure, without the listener container's wrapping
 * @param description its class and message, with its root cause where that is another
 * @param transientFailure whether it is of the kind that passes by itself
 */
record IngestBackpressureFailure(Throwable cause, String description, boolean transientFailure) {

    static IngestBackpressureFailure of(Throwable error) {
        Throwable cause = error;
        while (cause instanceof ListenerExecutionFailedException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return new IngestBackpressureFailure(cause, FailureDescription.of(cause), isTransient(cause));
    }

    /**
     * A rollback that fails after the connection was lost hides the failure that caused it (the
     * application exception of a {@link TransactionSystemException}): that one says what happened. Where the
     * failure came while committing (a write flushed just before the commit), Spring keeps only the failed
     * rollback, whose cause is the driver's: a commit or rollback the database could not carry out over a
     * broken connection, which the server rolls back by itself.
     */
    private static boolean isTransient(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof TransactionSystemException overridden && overridden.getApplicationException() != null
                    && isTransient(overridden.getApplicationException())) {
                return true;
            }
            if (cause instanceof TransactionSystemException && cause.getCause() instanceof SQLException) {
                return true;
            }
            if (cause instanceof TransientIngestException || cause instanceof TransientDataAccessException
                    || cause instanceof RecoverableDataAccessException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof CannotCreateTransactionException || cause instanceof SQLTransientException
                    || cause instanceof SQLRecoverableException || cause instanceof SQLNonTransientConnectionException
                    || isConnectionState(cause)) {
                return true;
            }
        }
        return ValueDecoding.isTransient(error);
    }

    /** SQL states of class 08 (connection exception) and 57P (the server shutting down or starting up). */
    private static boolean isConnectionState(Throwable error) {
        return error instanceof SQLException sql && sql.getSQLState() != null
                && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"));
    }
}
