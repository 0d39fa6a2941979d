package dev.staffing.assignment.ingest;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.validation.annotation.Validated;

/**
 * How ingest holds back after a batch failed.
 *
 * @param probeInterval how often the database and the schema registry are probed while ingest is held back
 * @param initialBackOff the least time between a failed attempt and the next one, doubled after each failed
 *     attempt of the same outage
 * @param maxBackOff the most time between two attempts while the probes find the dependencies answering
 *     (a failure the probes cannot see, such as a bug, is retried no more often than this)
 */
@Validated
@ConfigurationProperties(prefix = "staffing.ingest.backpressure")
record IngestBackpressureProperties(@DefaultValue("1s") Duration probeInterval,
        @DefaultValue("500ms") Duration initialBackOff, @DefaultValue("30s") Duration maxBackOff) {

    /** The back-off between attempts; it never gives up. */
    BackOff backOff() {
        ExponentialBackOff backOff = new ExponentialBackOff(initialBackOff.toMillis(), 2.0);
        backOff.setMaxInterval(Math.max(initialBackOff.toMillis(), maxBackOff.toMillis()));
        return backOff;
    }
}
