package dev.staffing.assignment.staffing;

import dev.staffing.assignment.engine.AssignmentChange;
import dev.staffing.assignment.engine.ChangeReason;
import dev.staffing.assignment.engine.Holding;
import dev.staffing.assignment.engine.SeatKey;
import dev.staffing.assignment.messaging.StaffingTopics;
import dev.staffing.assignment.outbox.EventIds;
import dev.staffing.assignment.outbox.Outbox;
import dev.staffing.events.AssignmentEvent;
import dev.staffing.events.AssignmentReason;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Stores the engine's assignment changes and writes one assignment event per change to the outbox. */
@Component
class AssignmentRecorder {

    private static final Logger log = LoggerFactory.getLogger(AssignmentRecorder.class);
    private static final String RENUMBERED = "renumbered:";

    private final AssignmentRepository assignments;
    private final Outbox outbox;
    private final StaffingTopics topics;

    AssignmentRecorder(AssignmentRepository assignments, Outbox outbox, StaffingTopics topics) {
        this.assignments = assignments;
        this.outbox = outbox;
        this.topics = topics;
    }

    /**
     * Applies one change; {@code bySeat} holds the stored assignments and is kept up to date. A person
     * renumbered within a shrinking slot keeps the time they were first assigned, so that the most
     * recently assigned still leave first the next time.
     */
    void record(String pool, AssignmentChange change, Map<String, Assignment> bySeat, String causationId,
            Instant now) {
        SeatKey seat = change.seat();
        String persona = change.persona();
        String renumberKey = RENUMBERED + change.personId() + "/" + seat.projectId() + "/" + seat.slotId();
        if (change.assigned()) {
            Assignment before = change.reason() == ChangeReason.SEAT_RENUMBERED ? bySeat.remove(renumberKey) : null;
            Assignment saved = assignments.save(new Assignment(seat.asString(), pool, seat.projectId(), seat.slotId(),
                    seat.seat(), change.personId(), persona, change.allocation(),
                    before == null ? now : before.assignedAt(), null));
            bySeat.put(seat.asString(), saved);
        } else {
            assignments.deleteById(seat.asString());
            Assignment removed = bySeat.remove(seat.asString());
            if (change.reason() == ChangeReason.SEAT_RENUMBERED && removed != null) {
                bySeat.put(renumberKey, removed);
            }
        }
        AssignmentEvent event = AssignmentEvent.newBuilder()
                .setEventId(EventIds.of("assignment", causationId, seat.asString(), change.personId(),
                        change.assigned() ? "assigned" : "unassigned"))
                .setOccurredAt(now)
                .setCausationId(causationId)
                .setPool(pool)
                .setProjectId(seat.projectId())
                .setSlotId(seat.slotId())
                .setSeat(seat.seat())
                .setPersona(persona)
                .setEmployeeId(change.personId())
                .setAllocation(change.allocation() / 100.0)
                .setChange(change.assigned() ? dev.staffing.events.AssignmentChange.ASSIGNED
                        : dev.staffing.events.AssignmentChange.UNASSIGNED)
                .setReason(AssignmentReason.valueOf(change.reason().name()))
                .setDetail(change.detail())
                .build();
        outbox.append(topics.assignmentEvents(), seat.projectId(), event);
        log.info("{} employee {} {} seat {} ({}): {}", change.assigned() ? "Assigned" : "Released",
                change.personId(), change.assigned() ? "to" : "from", seat, persona, change.reason());
    }

    /** Stores a changed per-seat allocation of holdings that stayed (a slot's allocation was edited). */
    void updateAllocations(List<Holding> holdings, Map<String, Assignment> bySeat) {
        for (Holding holding : holdings) {
            Assignment stored = bySeat.get(holding.seat().asString());
            if (stored != null && stored.allocation() != holding.allocation()) {
                bySeat.put(stored.seatKey(), assignments.save(stored.withAllocation(holding.allocation())));
            }
        }
    }
}
