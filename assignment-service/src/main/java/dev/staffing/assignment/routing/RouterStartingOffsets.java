package dev.staffing.assignment.routing;

import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;

/**
 * Where the router starts on an input partition its group has never committed: where the ingest group left
 * off reading it directly, so that switching routing on forwards only what ingest has not applied yet (the
 * rest would be skipped as duplicates, but its bad records dead-lettered again). Where ingest has no offset
 * either, or cannot be asked, the consumer's {@code auto.offset.reset} applies (the earliest record).
 */
final class RouterStartingOffsets implements ConsumerAwareRebalanceListener {

    private static final Logger log = LoggerFactory.getLogger(RouterStartingOffsets.class);
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final Map<String, Object> adminProperties;
    private final String ingestGroup;

    RouterStartingOffsets(Map<String, Object> adminProperties, String ingestGroup) {
        this.adminProperties = adminProperties;
        this.ingestGroup = ingestGroup;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new HashSet<>(partitions));
        Set<TopicPartition> neverCommitted = new HashSet<>();
        for (TopicPartition partition : partitions) {
            if (committed.get(partition) == null) {
                neverCommitted.add(partition);
            }
        }
        if (neverCommitted.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> ingest;
        try (Admin admin = Admin.create(adminProperties)) {
            ingest = admin.listConsumerGroupOffsets(ingestGroup).partitionsToOffsetAndMetadata()
                    .get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            log.warn("Could not read where ingest group {} left off ({}); the router starts {} at the earliest record",
                    ingestGroup, e.getMessage(), neverCommitted);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        Map<String, Long> seeded = new TreeMap<>();
        for (TopicPartition partition : neverCommitted) {
            OffsetAndMetadata offset = ingest.get(partition);
            if (offset != null) {
                consumer.seek(partition, offset.offset());
                seeded.put(partition.toString(), offset.offset());
            }
        }
        if (!seeded.isEmpty()) {
            log.info("Router starts where ingest group {} left off reading the input directly: {}", ingestGroup,
                    seeded);
        }
    }
}
