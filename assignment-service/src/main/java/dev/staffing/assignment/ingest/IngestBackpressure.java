package dev.staffing.assignment.ingest;

import dev.staffing.assignment.health.DatabaseProbe;
import dev.staffing.assignment.health.SchemaRegistryProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.util.backoff.BackOffExecution;

/**
 * Holds ingest back while its batches cannot be applied. A failed batch pauses the listener container, so
 * that no further records are fetched; the consumer keeps polling while paused, so it stays in its group and
 * keeps its partitions. The batch is tried again (polled again from its first offsets) once a probe finds the
 * database and the schema registry answering and the back-off since the last failed attempt has passed:
 * consumption resumes by itself, within a probe interval of the outage's end. The hold ends when a batch is
 * applied.
 */
@Component
class IngestBackpressure {

    private static final Logger log = LoggerFactory.getLogger(IngestBackpressure.class);

    private final DatabaseProbe database;
    private final SchemaRegistryProbe registry;
    private final IngestBackpressureProperties properties;

    // Guarded by this; hold, backOff and container are null while ingest flows.
    private Hold hold;
    private BackOffExecution backOff;
    private MessageListenerContainer container;
    private long nextAttemptNanos;

    IngestBackpressure(DatabaseProbe database, SchemaRegistryProbe registry, IngestBackpressureProperties properties) {
        this.database = database;
        this.registry = registry;
        this.properties = properties;
    }

    /**
     * Why ingest is held back, as the health endpoint shows it.
     *
     * @param since when the first batch of this outage failed
     * @param failedAttempts how many times a batch failed since then
     * @param lastError the last failure, in one line
     * @param transientFailure whether the last failure is of a kind that passes (database or registry down)
     * @param paused true while consumption is paused; false once resumed and waiting for a batch to be applied
     * @param waitingFor what the last probe found not answering; empty when none was found so
     */
    record Hold(Instant since, int failedAttempts, String lastError, boolean transientFailure, boolean paused,
            String waitingFor) {

        Hold failedAgain(String error, boolean transientError) {
            return new Hold(since, failedAttempts + 1, error, transientError, true, waitingFor);
        }

        Hold waitingFor(String what) {
            return new Hold(since, failedAttempts, lastError, transientFailure, paused, what);
        }

        Hold resumed() {
            return new Hold(since, failedAttempts, lastError, transientFailure, false, "");
        }
    }

    /** The current hold; empty while ingest flows. */
    synchronized Optional<Hold> hold() {
        return Optional.ofNullable(hold);
    }

    /** A batch failed and nothing of it was committed: pause consumption until it is worth trying again. */
    void batchFailed(IngestBackpressureFailure failure, MessageListenerContainer listenerContainer) {
        String description = failure.description();
        boolean transientFailure = failure.transientFailure();
        Hold previous;
        Hold current;
        synchronized (this) {
            previous = hold;
            if (previous == null) {
                backOff = properties.backOff().start();
                current = new Hold(Instant.now(), 1, description, transientFailure, true, "");
            } else {
                current = previous.failedAgain(description, transientFailure);
            }
            hold = current;
            container = listenerContainer;
            long wait = backOff.nextBackOff();
            nextAttemptNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(
                    wait == BackOffExecution.STOP ? properties.maxBackOff().toMillis() : wait);
            listenerContainer.pause();
        }
        if (previous == null && transientFailure) {
            log.warn("Ingest held back: a batch could not be applied ({}); consumption is paused and the batch is "
                    + "tried again once the database and the schema registry answer", description);
        } else if (previous == null) {
            log.error("Ingest held back by an unexpected failure; consumption is paused and the batch is tried "
                    + "again with back-off, never skipped", failure.cause());
        } else if (!previous.paused()) {
            log.warn("Ingest held back again: the retried batch failed (attempt {}): {}", current.failedAttempts(),
                    description);
        } else {
            log.debug("Batch failed again (attempt {}): {}", current.failedAttempts(), description);
        }
    }

    /** A batch was applied and committed: ingest flows, and a later failure starts a new back-off. */
    synchronized void batchApplied() {
        if (hold != null) {
            hold = null;
            backOff = null;
            container = null;
        }
    }

    /** Resumes consumption once the back-off has passed and both dependencies answer. */
    @Scheduled(fixedDelayString = "${staffing.ingest.backpressure.probe-interval:1s}")
    void resumeWhenDependenciesAnswer() {
        Hold held;
        synchronized (this) {
            if (hold == null || !hold.paused() || System.nanoTime() - nextAttemptNanos < 0) {
                return;
            }
            held = hold;
        }
        // Probed outside the lock: a probe of a database that is down waits for the pool's connection timeout.
        String notAnswering = Stream.of(database.probe(), registry.probe()).filter(result -> !result.reachable())
                .map(result -> result.dependency() + ": " + result.detail()).collect(Collectors.joining("; "));
        synchronized (this) {
            if (hold != held) {
                return;
            }
            if (!notAnswering.isEmpty()) {
                hold = held.waitingFor(notAnswering);
                return;
            }
            hold = held.resumed();
            container.resume();
        }
        log.info("Ingest resumed after {} s held back ({} failed attempts): the database and the schema registry "
                + "answer; the held batch is tried again", Duration.between(held.since(), Instant.now()).toSeconds(),
                held.failedAttempts());
    }
}
