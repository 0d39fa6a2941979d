package dev.staffing.assignment.flow;

import static dev.staffing.assignment.flow.TestEvents.hired;
import static dev.staffing.assignment.flow.TestEvents.opened;
import static dev.staffing.assignment.flow.TestEvents.slot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.staffing.assignment.staffing.PoolEngines;
import dev.staffing.assignment.support.SharedInfrastructure;
import dev.staffing.events.AssignmentChange;
import dev.staffing.events.AssignmentEvent;
import dev.staffing.events.EmployeeEvent;
import dev.staffing.events.ProjectEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/**
 * Two instances of one consumer group with {@code staffing.ingest.route-by-pool} split the pools: each decides
 * the pools whose partitions of the pool topic it holds, none decides another's, so none rebuilds a pool
 * because the other decided it. Subclasses choose the database the two share.
 */
abstract class PoolRoutingTwoInstancesScenarios {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final int PARTITIONS = 6;
    private static final String OTHER_INSTANCE_REBUILD = "another instance had decided it since";

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final SharedInfrastructure infrastructure = SharedInfrastructure.get();

    /** Datasource (and Flyway) settings of one database both instances use. */
    protected abstract Map<String, Object> databaseProperties(String suffix);

    @Test
    void twoInstancesSplitThePoolsAndNeitherRebuildsAPoolTheOtherDecided() {
        Map<String, Integer> partitionOfPool = onePoolPerPartition();
        Map<String, Object> settings = new HashMap<>(RunningService.isolatedSettings(
                infrastructure.bootstrapServers(), infrastructure.registryUrl(), suffix));
        // One database for both, as instances of one deployment share theirs.
        settings.putAll(databaseProperties(suffix));
        settings.put("staffing.topics.pool-events", RunningService.topic("pool-events", suffix));
        settings.put("staffing.topics.partitions", PARTITIONS);
        settings.put("staffing.ingest.route-by-pool", "true");

        try (RunningService first = RunningService.start(settings);
                RunningService second = RunningService.start(settings);
                InputPublisher input = new InputPublisher(infrastructure.bootstrapServers(),
                        infrastructure.registryUrl(), suffix);
                OutputRecorder output = new OutputRecorder(infrastructure.bootstrapServers(),
                        infrastructure.registryUrl(), RunningService.topic("assignment-events", suffix),
                        RunningService.topic("gap-alerts", suffix))) {
            // Steady state: the group has settled, each instance holding partitions of the pool topic.
            await().atMost(PATIENCE).untilAsserted(() -> {
                Set<Integer> firstHolds = poolPartitions(first);
                Set<Integer> secondHolds = poolPartitions(second);
                assertThat(firstHolds).isNotEmpty();
                assertThat(secondHolds).isNotEmpty();
                assertThat(intersection(firstHolds, secondHolds)).isEmpty();
                assertThat(firstHolds.size() + secondHolds.size()).isEqualTo(PARTITIONS);
            });
            ListAppender<ILoggingEvent> rebuilds = captureRebuilds();
            try {
                partitionOfPool.keySet().forEach(pool -> publishPool(input, pool));

                await().atMost(PATIENCE).untilAsserted(() -> {
                    for (String pool : partitionOfPool.keySet()) {
                        assertThat(output.assignments()).as("pool %s decided", pool)
                                .filteredOn(event -> event.getPool().equals(pool)
                                        && event.getChange() == AssignmentChange.ASSIGNED)
                                .extracting(AssignmentEvent::getEmployeeId)
                                .containsExactlyInAnyOrder(pool + "-e1", pool + "-e2");
                        // The project may be decided before the hires (they come on other input topics): its
                        // backend seats then open and resolve again; the security seat stays open.
                        assertThat(output.openSeats(pool)).as("pool %s's open gaps", pool)
                                .containsExactly(pool + "-p/security/1");
                    }
                });

                Set<String> firstDecides = poolsIngested(first);
                Set<String> secondDecides = poolsIngested(second);
                assertThat(firstDecides).as("pools the first instance decides").isNotEmpty();
                assertThat(secondDecides).as("pools the second instance decides").isNotEmpty();
                assertThat(intersection(firstDecides, secondDecides)).as("pools both decide").isEmpty();
                assertThat(union(firstDecides, secondDecides)).isEqualTo(partitionOfPool.keySet());
                assertThat(firstDecides).as("exactly the pools of the partitions it holds")
                        .isEqualTo(poolsOf(poolPartitions(first), partitionOfPool));
                assertThat(secondDecides).isEqualTo(poolsOf(poolPartitions(second), partitionOfPool));

                List<String> rebuilt = rebuilds.list.stream().map(ILoggingEvent::getFormattedMessage)
                        .filter(message -> message.startsWith("Rebuilt pool")).toList();
                assertThat(rebuilt).as("no pool rebuilt because the other instance decided it")
                        .noneMatch(message -> message.contains(OTHER_INSTANCE_REBUILD));
                assertThat(rebuilt).as("each pool loaded once, by the one instance that decides it")
                        .hasSize(partitionOfPool.size());
            } finally {
                ((Logger) LoggerFactory.getLogger(PoolEngines.class)).detachAppender(rebuilds);
            }
        }
    }

    /** Two backend engineers and a project with a backend slot of two seats and a security seat nobody fills. */
    private static void publishPool(InputPublisher input, String pool) {
        for (String employee : List.of(pool + "-e1", pool + "-e2")) {
            input.publish(EmployeeEvent.newBuilder(hired(employee, 1, "backend-engineer", 1.0)).setPool(pool).build());
        }
        input.publish(ProjectEvent.newBuilder(opened(pool + "-p", 4, slot("security", "security-engineer", 1, 1.0),
                slot("backend", "backend-engineer", 2, 1.0))).setPool(pool).build());
    }

    /** A pool name for each partition of the pool topic, as the producer's default partitioner places keys. */
    private static Map<String, Integer> onePoolPerPartition() {
        Map<Integer, String> poolOfPartition = new LinkedHashMap<>();
        for (int i = 0; poolOfPartition.size() < PARTITIONS; i++) {
            String pool = "pool-" + i;
            poolOfPartition.putIfAbsent(partitionOf(pool), pool);
        }
        return poolOfPartition.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey));
    }

    private static int partitionOf(String key) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
    }

    private Set<Integer> poolPartitions(RunningService service) {
        String poolTopic = RunningService.topic("pool-events", suffix);
        return service.bean(KafkaListenerEndpointRegistry.class).getListenerContainer("staffing-ingest")
                .getAssignedPartitions().stream().filter(partition -> partition.topic().equals(poolTopic))
                .map(TopicPartition::partition).collect(Collectors.toSet());
    }

    /** The pools whose events the instance ingested (staffing.ingest.pool.events). */
    private static Set<String> poolsIngested(RunningService service) {
        return service.bean(MeterRegistry.class).find("staffing.ingest.pool.events").counters().stream()
                .filter(counter -> counter.count() > 0).map(Counter::getId).map(id -> id.getTag("pool"))
                .collect(Collectors.toSet());
    }

    private static Set<String> poolsOf(Set<Integer> partitions, Map<String, Integer> partitionOfPool) {
        return partitionOfPool.entrySet().stream().filter(entry -> partitions.contains(entry.getValue()))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    private static <T> Set<T> intersection(Set<T> first, Set<T> second) {
        Set<T> both = new HashSet<>(first);
        both.retainAll(second);
        return both;
    }

    private static Set<String> union(Set<String> first, Set<String> second) {
        Set<String> all = new HashSet<>(first);
        all.addAll(second);
        return all;
    }

    /** Boot sets logging up again as each service starts: attached after both have. */
    private static ListAppender<ILoggingEvent> captureRebuilds() {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        ((Logger) LoggerFactory.getLogger(PoolEngines.class)).addAppender(appender);
        return appender;
    }
}
