package dev.staffing.assignment.ingest;

import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long the ids of applied input events are kept for deduplication, see {@link ProcessedEventRetention}.
 *
 * @param retention how long an id is kept; at least as long as a record can be delivered again (the input
 *     topics' retention)
 * @param cleanupInterval how often older ids are removed
 * @param cleanupChunk how many rows one delete statement removes
 */
@Validated
@ConfigurationProperties(prefix = "staffing.ingest.processed-ids")
record ProcessedIdsProperties(@DefaultValue("7d") Duration retention, @DefaultValue("10m") Duration cleanupInterval,
        @DefaultValue("10000") @Positive int cleanupChunk) {

    ProcessedIdsProperties {
        if (retention.isNegative() || retention.isZero() || cleanupInterval.isNegative() || cleanupInterval.isZero()) {
            throw new IllegalArgumentException("staffing.ingest.processed-ids.retention (" + retention
                    + ") and cleanup-interval (" + cleanupInterval + ") must be longer than zero");
        }
    }
}
