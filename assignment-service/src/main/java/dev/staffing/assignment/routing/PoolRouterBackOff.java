package dev.staffing.assignment.routing;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * How long the router waits before routing a failed batch again (the broker or the registry unreachable): from
 * {@code staffing.ingest.backpressure.initial-back-off}, doubling up to {@code max-back-off}, without end. One
 * WARN line when routing starts failing, one INFO line when it flows again.
 */
final class PoolRouterBackOff {

    private static final Logger log = LoggerFactory.getLogger(PoolRouterBackOff.class);

    private final ExponentialBackOff backOff;

    // Guarded by this; null while routing flows.
    private BackOffExecution execution;
    private int failures;

    PoolRouterBackOff(Duration initial, Duration max) {
        this.backOff = new ExponentialBackOff(initial.toMillis(), 2.0);
        backOff.setMaxInterval(Math.max(initial.toMillis(), max.toMillis()));
    }

    /** A batch failed and was rolled back: how long to wait before it is routed again. */
    synchronized Duration failed(Exception error) {
        if (execution == null) {
            execution = backOff.start();
            log.warn("Routing to the pool topic held back: a batch could not be forwarded ({}); it is forwarded "
                    + "again with back-off, never skipped", describe(error));
        } else {
            log.debug("Routing a batch failed again: {}", describe(error));
        }
        failures++;
        long wait = execution.nextBackOff();
        return Duration.ofMillis(wait == BackOffExecution.STOP ? backOff.getMaxInterval() : wait);
    }

    /** A batch was forwarded and its offsets committed. */
    void succeeded() {
        int failed;
        synchronized (this) {
            if (execution == null) {
                return;
            }
            failed = failures;
            execution = null;
            failures = 0;
        }
        log.info("Routing to the pool topic resumed after {} failed attempts", failed);
    }

    /** What failed, in one line: the listener's wrapper left out, the root cause named. */
    private static String describe(Throwable failure) {
        Throwable error = failure;
        while (error instanceof ListenerExecutionFailedException && error.getCause() != null) {
            error = error.getCause();
        }
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(error.getMessage());
        return root == error || message.contains(String.valueOf(root.getMessage())) ? message
                : message + "; caused by " + root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
