package dev.staffing.assignment.ingest;

import dev.staffing.assignment.messaging.StaffingTopics;
import dev.staffing.assignment.people.PersonStore;
import dev.staffing.assignment.projects.ProjectStore;
import dev.staffing.assignment.staffing.PoolChanges;
import dev.staffing.assignment.staffing.PoolRebalancer;
import dev.staffing.events.EmployeeEvent;
import dev.staffing.events.ProjectEvent;
import dev.staffing.events.StaffingOverride;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies one polled batch in one database transaction: every event, then one decision per touched
 * pool, with the outgoing events written to the outbox. Offsets are committed only after it returns. The
 * batch reads the people, projects and processed ids it names in a few statements at its start and writes
 * what it changed in JDBC batches before its pools are decided (see {@link IngestBatch}).
 */
@Component
class IngestBatchProcessor {

    private static final Logger log = LoggerFactory.getLogger(IngestBatchProcessor.class);

    private final EventDecoder decoder;
    private final EmployeeEventApplier employees;
    private final ProjectEventApplier projects;
    private final OverrideApplier overrides;
    private final ProcessedEvents processed;
    private final PersonStore people;
    private final ProjectStore projectStore;
    private final ParkedEvents parked;
    private final DeadLetters deadLetters;
    private final PoolRebalancer rebalancer;
    private final StaffingTopics topics;

    IngestBatchProcessor(EventDecoder decoder, EmployeeEventApplier employees, ProjectEventApplier projects,
            OverrideApplier overrides, ProcessedEvents processed, PersonStore people, ProjectStore projectStore,
            ParkedEvents parked, DeadLetters deadLetters, PoolRebalancer rebalancer, StaffingTopics topics) {
        this.decoder = decoder;
        this.employees = employees;
        this.projects = projects;
        this.overrides = overrides;
        this.processed = processed;
        this.people = people;
        this.projectStore = projectStore;
        this.parked = parked;
        this.deadLetters = deadLetters;
        this.rebalancer = rebalancer;
        this.topics = topics;
    }

    @Transactional
    public BatchSummary process(List<ConsumerRecord<String, byte[]>> records) {
        long start = System.nanoTime();
        BatchSummary summary = new BatchSummary();
        PoolChanges changes = new PoolChanges();
        List<Decoded> decoded = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                Object event = decoder.decode(record);
                decoded.add(new Decoded(record, event, EventEnvelope.of(event, record.topic(), topics)));
            } catch (InvalidEventException e) {
                decoded.add(new Decoded(record, null, null));
                deadLetters.send(record, e);
                summary.count(IngestOutcome.DEAD_LETTERED, record.topic());
            }
        }
        long decodedAt = System.nanoTime();
        IngestBatch batch = read(decoded);
        long readAt = System.nanoTime();
        for (Decoded each : decoded) {
            if (each.envelope() == null) {
                continue;
            }
            ConsumerRecord<String, byte[]> record = each.record();
            try {
                if (apply(each.event(), each.envelope(), record.topic(), record.value(), false, batch, changes,
                        summary) == IngestOutcome.APPLIED) {
                    summary.applied(record.timestamp());
                }
            } catch (InvalidEventException e) {
                deadLetters.send(record, e);
                summary.count(IngestOutcome.DEAD_LETTERED, record.topic());
            }
        }
        long appliedAt = System.nanoTime();
        people.writeAll(batch.changedPeople());
        projectStore.writeAll(batch.changedProjects(), batch.storedProjects());
        processed.addAll(batch.processedIds());
        long writtenAt = System.nanoTime();
        rebalancer.rebalanceAll(changes);
        if (!records.isEmpty() && log.isDebugEnabled()) {
            long decidedAt = System.nanoTime();
            log.debug("Batch of {} records, the oldest {} ms old, {}; {} pools decided; {} ms before its commit:"
                    + " decoded {}, read {}, applied {}, written {}, decided {}", records.size(),
                    System.currentTimeMillis() - records.get(0).timestamp(), summary, changes.pools().size(),
                    millis(decidedAt - start), millis(decodedAt - start), millis(readAt - decodedAt),
                    millis(appliedAt - readAt), millis(writtenAt - appliedAt), millis(decidedAt - writtenAt));
        }
        return summary;
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    /** A polled record and its event, or neither when it could not be decoded. */
    private record Decoded(ConsumerRecord<String, byte[]> record, Object event, EventEnvelope envelope) {
    }

    /** Reads, in a few statements, what the batch's events will look up one by one. */
    private IngestBatch read(List<Decoded> decoded) {
        Set<String> eventIds = new HashSet<>();
        Set<String> employeeIds = new HashSet<>();
        Set<String> projectIds = new HashSet<>();
        for (Decoded each : decoded) {
            EventEnvelope envelope = each.envelope();
            if (envelope == null || envelope.eventId() == null || envelope.entityId() == null) {
                continue;
            }
            eventIds.add(envelope.eventId());
            (envelope.entityType().equals(EmployeeEventApplier.ENTITY) ? employeeIds : projectIds)
                    .add(envelope.entityId());
        }
        Set<String> entityIds = new HashSet<>(employeeIds);
        entityIds.addAll(projectIds);
        return new IngestBatch(processed.alreadyProcessed(eventIds), people.findAllById(employeeIds),
                projectStore.findAllById(projectIds), parked.waitingAmong(entityIds));
    }

    private void applyParked(ParkedEvents.Parked waiting, String entityId, IngestBatch batch, PoolChanges changes,
            BatchSummary summary) {
        try {
            Object event = decoder.decode(waiting.topic(), waiting.payload());
            apply(event, EventEnvelope.of(event, waiting.topic(), topics), waiting.topic(), waiting.payload(), true,
                    batch, changes, summary);
        } catch (InvalidEventException e) {
            deadLetters.sendParked(waiting.topic(), entityId, waiting.payload(), e);
            summary.count(IngestOutcome.DEAD_LETTERED, waiting.topic());
        }
    }

    private IngestOutcome apply(Object event, EventEnvelope envelope, String topic, byte[] bytes, boolean fromParking,
            IngestBatch batch, PoolChanges changes, BatchSummary summary) {
        if (!fromParking && batch.isProcessed(envelope.eventId())) {
            summary.count(IngestOutcome.DUPLICATE, topic);
            return IngestOutcome.DUPLICATE;
        }
        ApplyOutcome outcome;
        if (event instanceof EmployeeEvent employee) {
            outcome = employees.apply(employee, batch, changes);
        } else if (event instanceof StaffingOverride override) {
            outcome = overrides.apply(override, batch, changes);
        } else {
            outcome = projects.apply((ProjectEvent) event, batch, changes);
        }
        if (!fromParking) {
            batch.processed(envelope.eventId());
        }
        IngestOutcome counted = outcomeOf(outcome.status(), fromParking);
        summary.count(counted, topic);
        switch (outcome.status()) {
            case PARKED -> {
                parked.park(envelope.entityType(), envelope.entityId(), envelope.sequence(), topic, bytes);
                batch.parked(envelope.entityType(), envelope.entityId());
                log.info("Parked event {} for unknown {} {}", envelope.eventId(), envelope.entityType(),
                        envelope.entityId());
            }
            case APPLIED -> {
                if (outcome.created() && batch.hasParked(envelope.entityType(), envelope.entityId())) {
                    for (ParkedEvents.Parked waiting : parked.takeFor(envelope.entityType(), envelope.entityId())) {
                        applyParked(waiting, envelope.entityId(), batch, changes, summary);
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
