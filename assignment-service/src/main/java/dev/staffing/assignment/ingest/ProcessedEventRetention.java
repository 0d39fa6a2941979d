package dev.staffing.assignment.ingest;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the processed event ids for as long as a record can come again ({@code
 * staffing.ingest.processed-ids.retention}, by default the 7 days that Kafka keeps a topic's records), and forgets
 * older ones every {@code cleanup-interval}: otherwise the table, and the index that every batch looks its ids up
 * in, grow with every event for ever. An event redelivered after that long is still caught by its entity's
 * sequence (it is stale). Every instance cleans; the deletes of two meet no conflict.
 */
@Component
class ProcessedEventRetention {

    private static final Logger log = LoggerFactory.getLogger(ProcessedEventRetention.class);

    private final ProcessedEvents processed;
    private final ProcessedIdsProperties properties;
    private final Clock clock;

    ProcessedEventRetention(ProcessedEvents processed, ProcessedIdsProperties properties, Clock clock) {
        this.processed = processed;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${staffing.ingest.processed-ids.cleanup-interval:10m}",
            initialDelayString = "${staffing.ingest.processed-ids.cleanup-interval:10m}")
    void forgetExpired() {
        Instant cutoff = clock.instant().minus(properties.retention());
        long forgotten = processed.forgetStoredBefore(cutoff, properties.cleanupChunk());
        if (forgotten > 0) {
            log.info("Forgot {} processed event ids stored before {}", forgotten, cutoff);
        }
    }
}
