package dev.staffing.assignment.ingest;

import dev.staffing.assignment.messaging.StaffingTopics;
import dev.staffing.assignment.staffing.PoolChanges;
import dev.staffing.assignment.staffing.PoolRebalancer;
import dev.staffing.events.EmployeeEvent;
import dev.staffing.events.ProjectEvent;
import dev.staffing.events.StaffingOverride;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies one polled batch in one database transaction: every event, then one decision per touched
 * pool, with the outgoing events written to the outbox. Offsets are committed only after it returns.
 */
@Component
class IngestBatchProcessor {

    private static final Logger log = LoggerFactory.getLogger(IngestBatchProcessor.class);

    private final EventDecoder decoder;
    private final EmployeeEventApplier employees;
    private final ProjectEventApplier projects;
    private final OverrideApplier overrides;
    private final ProcessedEvents processed;
    private final ParkedEvents parked;
    private final DeadLetters deadLetters;
    private final PoolRebalancer rebalancer;
    private final StaffingTopics topics;

    IngestBatchProcessor(EventDecoder decoder, EmployeeEventApplier employees, ProjectEventApplier projects,
            OverrideApplier overrides, ProcessedEvents processed, ParkedEvents parked, DeadLetters deadLetters, PoolRebalancer rebalancer,
            StaffingTopics topics) {
        this.decoder = decoder;
        this.employees = employees;
        this.projects = projects;
        this.overrides = overrides;
        this.processed = processed;
        this.parked = parked;
        this.deadLetters = deadLetters;
        this.rebalancer = rebalancer;
        this.topics = topics;
    }

    @Transactional
    public BatchSummary process(List<ConsumerRecord<String, byte[]>> records) {
        BatchSummary summary = new BatchSummary();
        PoolChanges changes = new PoolChanges();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                Object event = decoder.decode(record);
                if (apply(event, record.topic(), record.value(), false, changes, summary) == IngestOutcome.APPLIED) {
                    summary.applied(record.timestamp());
                }
            } catch (InvalidEventException e) {
                deadLetters.send(record, e);
                summary.count(IngestOutcome.DEAD_LETTERED, record.topic());
            }
        }
        changes.forEach(rebalancer::rebalance);
        if (!records.isEmpty()) {
            log.debug("Batch of {} records: {}; pools decided: {}", records.size(), summary, changes.pools());
        }
        return summary;
    }

    private void applyParked(ParkedEvents.Parked waiting, String entityId, PoolChanges changes,
            BatchSummary summary) {
        try {
            apply(decoder.decode(waiting.topic(), waiting.payload()), waiting.topic(), waiting.payload(), true,
                    changes, summary);
        } catch (InvalidEventException e) {
            deadLetters.sendParked(waiting.topic(), entityId, waiting.payload(), e);
            summary.count(IngestOutcome.DEAD_LETTERED, waiting.topic());
        }
    }

    private IngestOutcome apply(Object event, String topic, byte[] bytes, boolean fromParking, PoolChanges changes,
            BatchSummary summary) {
        EventEnvelope envelope = EventEnvelope.of(event, topic, topics);
        if (!fromParking && processed.contains(envelope.eventId())) {
            summary.count(IngestOutcome.DUPLICATE, topic);
            return IngestOutcome.DUPLICATE;
        }
        ApplyOutcome outcome;
        if (event instanceof EmployeeEvent employee) {
            outcome = employees.apply(employee, changes);
        } else if (event instanceof StaffingOverride override) {
            outcome = overrides.apply(override, changes);
        } else {
            outcome = projects.apply((ProjectEvent) event, changes);
        }
        if (!fromParking) {
            processed.add(envelope.eventId());
        }
        IngestOutcome counted = outcomeOf(outcome.status(), fromParking);
        summary.count(counted, topic);
        switch (outcome.status()) {
            case PARKED -> {
                parked.park(envelope.entityType(), envelope.entityId(), envelope.sequence(), topic, bytes);
                log.info("Parked event {} for unknown {} {}", envelope.eventId(), envelope.entityType(),
                        envelope.entityId());
            }
            case APPLIED -> {
                if (outcome.created()) {
                    for (ParkedEvents.Parked waiting : parked.takeFor(envelope.entityType(), envelope.entityId())) {
                        applyParked(waiting, envelope.entityId(), changes, summary);
                    }
                }
            }
            default -> {
                // Duplicates and stale events change nothing.
            }
        }
        return counted;
    }

    private static IngestOutcome outcomeOf(ApplyOutcome.Status status, boolean fromParking) {
        return switch (status) {
            case APPLIED -> fromParking ? IngestOutcome.UNPARKED : IngestOutcome.APPLIED;
            case DUPLICATE -> IngestOutcome.DUPLICATE;
            case STALE -> IngestOutcome.STALE;
            case PARKED -> IngestOutcome.PARKED;
        };
    }
}
