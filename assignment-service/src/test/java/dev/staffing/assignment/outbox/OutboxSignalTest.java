package dev.staffing.assignment.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class OutboxSignalTest {

    private final OutboxSignal signal = new OutboxSignal();

    @Test
    void aCommitWakesAWaitingRelayLongBeforeItsPollInterval() throws Exception {
        CompletableFuture<Long> waited = CompletableFuture.supplyAsync(() -> {
            long start = System.nanoTime();
            try {
                signal.awaitWork(60_000);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return System.nanoTime() - start;
        });
        Thread.sleep(50);

        signal.committed();

        assertThat(waited.get(10, TimeUnit.SECONDS)).isLessThan(TimeUnit.SECONDS.toNanos(10));
    }

    @Test
    void aCommitBeforeTheWaitIsNotMissedAndIsTakenOnce() throws Exception {
        signal.committed();

        long start = System.nanoTime();
        signal.awaitWork(60_000);
        assertThat(System.nanoTime() - start).as("the pending commit answers at once")
                .isLessThan(TimeUnit.SECONDS.toNanos(10));

        start = System.nanoTime();
        signal.awaitWork(100);
        assertThat(System.nanoTime() - start).as("taken: the next wait lasts its poll interval")
                .isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(100));
    }
}
