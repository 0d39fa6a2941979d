package dev.staffing.assignment.outbox;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.stereotype.Component;

/**
 * Wakes the relay when a transaction has committed outbox rows, so that an event leaves for Kafka as soon as
 * its decision is stored rather than at the relay's next poll.
 */
@Component
class OutboxSignal {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private boolean pending;

    /** Rows were committed. */
    void committed() {
        lock.lock();
        try {
            pending = true;
            work.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until rows were committed since the last call, or at most {@code maxMillis}. */
    void awaitWork(long maxMillis) throws InterruptedException {
        long remaining = TimeUnit.MILLISECONDS.toNanos(maxMillis);
        lock.lock();
        try {
            while (!pending && remaining > 0) {
                remaining = work.awaitNanos(remaining);
            }
            pending = false;
        } finally {
            lock.unlock();
        }
    }
}
