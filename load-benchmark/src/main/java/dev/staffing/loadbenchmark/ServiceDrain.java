package dev.staffing.loadbenchmark;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;

/**
 * Watches the service finish what it was given: its consumer group has committed the end offsets of
 * every input partition (so every event was consumed, decided and stored), and then, for {@link #QUIET}, its
 * outputs have stopped growing (the outbox drained) and its group has committed nothing more (nothing else it
 * reads, such as a topic it routes the input through, is still being worked), and the output reader has read
 * every output. The service exposes no outbox depth, so the quiet outputs are the sign the outbox is empty.
 *
 * <p>A service that stops making progress breaks the run instead of holding it: no commit for {@link #STALL}
 * while input is outstanding, or no output and no commit for as long while the reader has not caught up, or an
 * instance that died. Progress is counted per commit (a batch of at most 500 events, each well under a second
 * even at 100,000 people), so a long seed is not mistaken for a stall.
 */
final class ServiceDrain implements AutoCloseable {

    /** Longer than several outbox polls (200 ms) and relay rounds. */
    private static final Duration QUIET = Duration.ofSeconds(2);
    /** A service that commits nothing for this long is stuck: the run is broken. */
    private static final Duration STALL = Duration.ofSeconds(180);
    /** How long the instances may take to join their group after they are UP. */
    private static final Duration JOIN_PATIENCE = Duration.ofSeconds(120);

    private final Admin admin;

    ServiceDrain(String bootstrapServers) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000));
    }

    /**
     * Waits until every instance is a member of the group and the group is stable, so that no rebalance moves
     * partitions (and redelivers a batch) while events are being timed.
     */
    void awaitGroupJoined(ServiceInstances service) {
        long deadline = System.nanoTime() + JOIN_PATIENCE.toNanos();
        while (true) {
            ConsumerGroupDescription group = describeGroup();
            if (group.groupState() == GroupState.STABLE && group.members().size() >= service.count()) {
                return;
            }
            service.checkAlive("joining its consumer group");
            if (System.nanoTime() > deadline) {
                throw new BrokenRunException("the consumer group " + ServiceProcess.CONSUMER_GROUP + " was "
                        + group.groupState() + " with " + group.members().size() + " of " + service.count()
                        + " instances after " + JOIN_PATIENCE + "; see " + service.logs());
            }
            Pause.millis(250);
        }
    }

    /** Waits until the service drained; returns when (ms since the epoch) its commits reached the inputs' ends. */
    long awaitDrained(ServiceInstances service, OutputReader outputs) {
        Map<TopicPartition, Long> inputEnds = endOffsets(Topics.INPUTS);
        long total = inputEnds.values().stream().mapToLong(Long::longValue).sum();
        long lastProgress = System.nanoTime();
        long committedBefore = -1;
        while (true) {
            Map<TopicPartition, Long> committed = committed();
            if (inputEnds.entrySet().stream().allMatch(end -> committed.getOrDefault(end.getKey(), 0L) >= end.getValue())
                    && poolTopicRead(service, committed)) {
                break;
            }
            // Any commit of the group is progress (the input's, or that of a topic the service routes it through).
            long committedNow = committed.values().stream().mapToLong(Long::longValue).sum();
            if (committedNow != committedBefore) {
                committedBefore = committedNow;
                lastProgress = System.nanoTime();
            }
            long inputCommitted = inputEnds.keySet().stream().mapToLong(partition -> committed.getOrDefault(partition, 0L))
                    .sum();
            checkProgress(service, lastProgress, "it had committed " + inputCommitted + " of " + total
                    + " input offsets");
            Pause.millis(50);
        }
        long committedAt = System.currentTimeMillis();
        Map<TopicPartition, Long> outputEnds = Map.of();
        Map<TopicPartition, Long> committed = Map.of();
        long lastChange = System.nanoTime();
        while (System.nanoTime() - lastChange < QUIET.toNanos() || !outputs.hasRead(outputEnds)) {
            Map<TopicPartition, Long> ends = endOffsets(Topics.OUTPUTS);
            Map<TopicPartition, Long> committedNow = committed();
            if (!ends.equals(outputEnds) || !committedNow.equals(committed)) {
                outputEnds = ends;
                committed = committedNow;
                lastChange = System.nanoTime();
            }
            checkProgress(service, lastChange, "its outputs were at " + ends + ", read " + outputs.positions());
            Pause.millis(100);
        }
        return committedAt;
    }

    /**
     * With routing by pool, the router commits the inputs as soon as it has forwarded them: the work is done only
     * when the ingest group has also read the pool topic to its end. Each of its partitions ends with the
     * commit marker of the router's last transaction, which takes an offset but is never handed to (nor
     * committed by) a consumer, so the group is at the end one offset short of it.
     */
    private boolean poolTopicRead(ServiceInstances service, Map<TopicPartition, Long> committed) {
        if (service.count() < 2) {
            return true;
        }
        return endOffsets(List.of(Topics.POOL_EVENTS)).entrySet().stream()
                .allMatch(end -> committed.getOrDefault(end.getKey(), 0L) >= end.getValue() - 1);
    }

    private static void checkProgress(ServiceInstances service, long lastProgress, String where) {
        service.checkAlive("working (" + where + ")");
        if (System.nanoTime() - lastProgress > STALL.toNanos()) {
            throw new BrokenRunException("the service made no progress for " + STALL + " (" + where + "); see "
                    + service.logs());
        }
    }

    private ConsumerGroupDescription describeGroup() {
        try {
            return admin.describeConsumerGroups(List.of(ServiceProcess.CONSUMER_GROUP)).all().get()
                    .get(ServiceProcess.CONSUMER_GROUP);
        } catch (ExecutionException e) {
            throw new BrokenRunException("could not describe group " + ServiceProcess.CONSUMER_GROUP + ": "
                    + e.getCause().getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokenRunException("interrupted", e);
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

    /**
     * What the service's groups have committed: its ingest group's, and with routing by pool its router's, which
     * is the one that commits the input topics (the ingest group then reads the pool topic).
     */
    private Map<TopicPartition, Long> committed() {
        Map<TopicPartition, Long> committed = new HashMap<>(committedBy(ServiceProcess.CONSUMER_GROUP));
        committed.putAll(committedBy(ServiceProcess.CONSUMER_GROUP + "-router"));
        return committed;
    }

    private Map<TopicPartition, Long> committedBy(String group) {
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, Long> committed = new HashMap<>();
            offsets.forEach((partition, offset) -> {
                if (offset != null) {
                    committed.put(partition, offset.offset());
                }
            });
            return committed;
        } catch (ExecutionException e) {
            throw new BrokenRunException("could not read the offsets of group " + group + ": "
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
