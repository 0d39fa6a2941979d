package dev.staffing.assignment.ingest;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code ingest} health component: OUT_OF_SERVICE while ingest is held back by a failed batch (since when,
 * how many attempts failed, the last failure, what the probes find not answering); UP while events flow, and
 * from the moment consumption resumes.
 */
@Component("ingestHealthIndicator")
class IngestBackpressureHealthIndicator implements HealthIndicator {

    private final IngestBackpressure backpressure;

    IngestBackpressureHealthIndicator(IngestBackpressure backpressure) {
        this.backpressure = backpressure;
    }

    @Override
    public Health health() {
        return backpressure.hold().map(hold -> (hold.paused() ? Health.outOfService() : Health.up())
                .withDetail("state", hold.paused() ? "held back" : "resumed, retrying the held batch")
                .withDetail("heldBackSince", hold.since().toString())
                .withDetail("failedAttempts", hold.failedAttempts())
                .withDetail("lastError", hold.lastError())
                .withDetail("transient", hold.transientFailure())
                .withDetail("waitingFor", hold.waitingFor())
                .build())
                .orElseGet(() -> Health.up().withDetail("state", "flowing").build());
    }
}
