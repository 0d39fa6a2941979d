package dev.staffing.assignment.ingest;

import dev.staffing.assignment.messaging.StaffingTopics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The ingest meters. {@value #EVENTS} counts input events by {@code outcome} (see {@link IngestOutcome})
 * and input {@code topic}, only once their batch committed; {@value #PARKED} is the number of events
 * waiting in parking now, read from the database, so it is right across restarts and instances.
 */
@Component
class IngestMetrics {

    static final String EVENTS = "staffing.ingest.events";
    static final String PARKED = "staffing.ingest.parked";

    private final MeterRegistry registry;

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
    }

    /**
     * Counts what a batch did. Call only after its transaction committed: a batch rolled back and
     * delivered again is then counted once, as what it finally did.
     */
    void committed(BatchSummary summary) {
        summary.counts().forEach((key, count) -> counter(key.outcome(), key.topic()).increment(count));
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
