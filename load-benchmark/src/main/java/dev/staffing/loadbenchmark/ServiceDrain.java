package dev.staffing.loadbenchmark;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Watches the service finish what it was given: its consumer group has committed the end offsets of
 * every input partition (so every event was consumed, decided and stored), and then its outputs have
 * stopped growing for {@link #QUIET} (the outbox drained) and the output reader has read them all.
 */
final class ServiceDrain implements AutoCloseable {

    /** Longer than several outbox polls (200 ms) and relay rounds. */
    private static final Duration QUIET = Duration.ofSeconds(2);
    /** A service that commits nothing for this long is stuck: the run is broken. */
    private static final Duration STALL = Duration.ofSeconds(180);

    private final Admin admin;

    ServiceDrain(String bootstrapServers) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** Waits until the service drained; returns when (ms since the epoch) its commits reached the inputs' ends. */
    long awaitDrained(ServiceProcess service, OutputReader outputs) {
        Map<TopicPartition, Long> inputEnds = endOffsets(Topics.INPUTS);
        long total = inputEnds.values().stream().mapToLong(Long::longValue).sum();
        long lastProgress = System.nanoTime();
        long committedBefore = -1;
        while (true) {
            Map<TopicPartition, Long> committed = committed();
            if (inputEnds.entrySet().stream().allMatch(end -> committed.getOrDefault(end.getKey(), 0L) >= end.getValue())) {
                break;
            }
            long committedNow = committed.values().stream().mapToLong(Long::longValue).sum();
            if (committedNow != committedBefore) {
                committedBefore = committedNow;
                lastProgress = System.nanoTime();
            }
            checkProgress(service, lastProgress, "committed " + committedNow + " of " + total + " input offsets");
            Pause.millis(50);
        }
        long committedAt = System.currentTimeMillis();
        Map<TopicPartition, Long> outputEnds = Map.of();
        long lastChange = System.nanoTime();
        while (System.nanoTime() - lastChange < QUIET.toNanos() || !outputs.hasRead(outputEnds)) {
            Map<TopicPartition, Long> ends = endOffsets(Topics.OUTPUTS);
            if (!ends.equals(outputEnds)) {
                outputEnds = ends;
                lastChange = System.nanoTime();
            }
            checkProgress(service, lastChange, "outputs at " + ends + ", read " + outputs.positions());
            Pause.millis(100);
        }
        return committedAt;
    }

    private static void checkProgress(ServiceProcess service, long lastProgress, String where) {
        if (!service.alive()) {
            throw new BrokenRunException("the service died while working (" + where + "); see " + service.log());
        }
        if (System.nanoTime() - lastProgress > STALL.toNanos()) {
            throw new BrokenRunException("the service made no progress for " + STALL + " (" + where + "); see "
                    + service.log());
        }
    }

    /** The end offset of every partition of the topics. */
    Map<TopicPartition, Long> endOffsets(List<String> topics) {
        try {
            Map<String, TopicDescription> descriptions = admin.describeTopics(topics).allTopicNames().get();
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            descriptions.values().forEach(description -> description.partitions().forEach(partition ->
                    request.put(new TopicPartition(description.name(), partition.partition()), OffsetSpec.latest())));
            return admin.listOffsets(request).all().get().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
        } catch (ExecutionException e) {
            throw new BrokenRunException("could not read the end offsets of " + topics + ": " + e.getCause().getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokenRunException("interrupted", e);
        }
    }

    private Map<TopicPartition, Long> committed() {
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(ServiceProcess.CONSUMER_GROUP)
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, Long> committed = new HashMap<>();
            offsets.forEach((partition, offset) -> {
                if (offset != null) {
                    committed.put(partition, offset.offset());
                }
            });
            return committed;
        } catch (ExecutionException e) {
            throw new BrokenRunException("could not read the offsets of group " + ServiceProcess.CONSUMER_GROUP + ": "
                    + e.getCause().getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokenRunException("interrupted", e);
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
