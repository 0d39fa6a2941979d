package dev.staffing.assignment.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.transaction.TransactionSystemException;

class IngestBackpressureFailureTest {

    @Test
    void aRollbackThatFailedOverABrokenConnectionWhileCommittingIsTransient() {
        // What Spring throws when a write flushed just before the commit fails and the rollback fails too.
        TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));

        IngestBackpressureFailure failure = IngestBackpressureFailure.of(
                new ListenerExecutionFailedException("listener failed", rollback));

        assertThat(failure.transientFailure()).isTrue();
        assertThat(failure.cause()).isSameAs(rollback);
        assertThat(failure.description()).contains("JDBC rollback failed").contains("Connection is closed");
    }

    @Test
    void aRollbackThatHidesATransientApplicationFailureIsTransient() {
        TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed");
        rollback.initApplicationException(new DataAccessResourceFailureException("connection lost"));

        assertThat(IngestBackpressureFailure.of(rollback).transientFailure()).isTrue();
    }

    @Test
    void aBugIsNotTransient() {
        assertThat(IngestBackpressureFailure.of(new IllegalStateException("a bug")).transientFailure()).isFalse();
        assertThat(IngestBackpressureFailure.of(new TransactionSystemException("no cause")).transientFailure())
                .isFalse();
    }
}
