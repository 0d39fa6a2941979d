package dev.staffing.assignment.staffing;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * One decision at a time in this instance: the ingest batches and the scheduled re-decision both take
 * it around their whole transaction, so two decisions for the same pool never interleave.
 */
@Component
public class DecisionLock {

    private final ReentrantLock lock = new ReentrantLock(true);

    /** Runs {@code read} under the lock if it comes free within {@code patience}; empty if it does not. */
    public <T> Optional<T> tryCall(Duration patience, Supplier<Optional<T>> read) {
        try {
            if (!lock.tryLock(patience.toMillis(), TimeUnit.MILLISECONDS)) {
                return Optional.empty();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        try {
            return read.get();
        } finally {
            lock.unlock();
        }
    }

    public <T> T call(Supplier<T> decision) {
        lock.lock();
        try {
            return decision.get();
        } finally {
            lock.unlock();
        }
    }
}
