package dev.staffing.assignment.staffing;

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

    public <T> T call(Supplier<T> decision) {
        lock.lock();
        try {
            return decision.get();
        } finally {
            lock.unlock();
        }
    }
}
