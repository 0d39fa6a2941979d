package dev.staffing.assignment.ingest;

import dev.staffing.assignment.messaging.StaffingTopics;
import dev.staffing.assignment.routing.RoutedRecords;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.stereotype.Component;

/**
 * The ingest meters. {@value #EVENTS} counts input events by {@code outcome} (see {@link IngestOutcome})
 * and input {@code topic}, only once their batch committed; {@value #PARKED} is the number of events
 * waiting in parking now, read from the database, so it is right across restarts and instances.
 * {@value #DECISION_LATENCY} times each event applied as it arrived from its Kafka timestamp to its batch's
 * commit (events applied from parking are not timed: their Kafka timestamp is not kept). With
 * {@code staffing.ingest.route-by-pool}, {@value #POOL_EVENTS} counts by {@code pool} the input events this
 * instance took from the pool topic, once their batch committed: which pools an instance decides.
 */
@Component
class IngestMetrics {

    static final String EVENTS = "staffing.ingest.events";
    static final String PARKED = "staffing.ingest.parked";
    static final String DECISION_LATENCY = "staffing.decision.latency";
    static final String POOL_EVENTS = "staffing.ingest.pool.events";

    private final MeterRegistry registry;
    private final Timer decisionLatency;

    IngestMetrics(MeterRegistry registry, StaffingTopics topics, ParkedEvents parked) {
        this.registry = registry;
        // Registered up front, so that every outcome is exported from the start, at zero.
        for (String topic : List.of(topics.employeeEvents(), topics.projectEvents())) {
            for (IngestOutcome outcome : IngestOutcome.values()) {
                counter(outcome, topic);
            }
        }
        Gauge.builder(PARKED, parked, ParkedEvents::count)
                .description("Input events waiting in parking for their person or project to appear")
                .register(registry);
        decisionLatency = Timer.builder(DECISION_LATENCY)
                .description("From an applied input event's Kafka timestamp to the commit of the batch that decided "
                        + "on it")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(10))
                .register(registry);
    }

    /**
     * Counts what a batch did. Call only after its transaction committed: a batch rolled back and
     * delivered again is then counted once, as what it finally did.
     */
    void committed(BatchSummary summary) {
        summary.counts().forEach((key, count) -> counter(key.outcome(), key.topic()).increment(count));
        // Wall-clock time, as the Kafka timestamps are, whatever the service's clock is set to.
        long committedAt = System.currentTimeMillis();
        for (long timestamp : summary.appliedTimestamps()) {
            decisionLatency.record(Math.max(0, committedAt - timestamp), TimeUnit.MILLISECONDS);
        }
    }

    /** Counts by pool the records of a committed batch read from the pool topic (those the router keyed by pool). */
    void committedPoolRecords(List<ConsumerRecord<String, byte[]>> routed) {
        Map<String, Long> perPool = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : routed) {
            RoutedRecords.pool(record).ifPresent(pool -> perPool.merge(pool, 1L, Long::sum));
        }
        perPool.forEach((pool, count) -> Counter.builder(POOL_EVENTS)
                .description("Input events this instance ingested from the pool topic, by the staffing pool they name")
                .tag("pool", pool)
                .register(registry)
                .increment(count));
    }

    private Counter counter(IngestOutcome outcome, String topic) {
        return Counter.builder(EVENTS)
                .description("Input events by what their committed batch did with them; a parked event counts "
                        + "again when it leaves parking (unparked, stale or dead_lettered)")
                .tag("outcome", outcome.tag())
                .tag("topic", topic)
                .register(registry);
    }
}
