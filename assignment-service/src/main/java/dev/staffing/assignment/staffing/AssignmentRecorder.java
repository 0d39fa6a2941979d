package dev.staffing.assignment.staffing;

import dev.staffing.assignment.engine.AssignmentChange;
import dev.staffing.assignment.engine.ChangeReason;
import dev.staffing.assignment.engine.Holding;
import dev.staffing.assignment.engine.PoolDecision;
import dev.staffing.assignment.engine.SeatKey;
import dev.staffing.assignment.messaging.StaffingTopics;
import dev.staffing.assignment.outbox.EventIds;
import dev.staffing.assignment.outbox.Outbox;
import dev.staffing.events.AssignmentEvent;
import dev.staffing.events.AssignmentReason;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Stores a decision's assignment changes and writes one assignment event per change to the outbox. The rows
 * go in JDBC batches: the released seats, then the taken ones, then the new allocations.
 */
@Component
class AssignmentRecorder {

    private static final Logger log = LoggerFactory.getLogger(AssignmentRecorder.class);

    private final AssignmentRepository assignments;
    private final JdbcTemplate jdbc;
    private final Outbox outbox;
    private final StaffingTopics topics;

    AssignmentRecorder(AssignmentRepository assignments, JdbcTemplate jdbc, Outbox outbox, StaffingTopics topics) {
        this.assignments = assignments;
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.topics = topics;
    }

    /**
     * Applies the changes in order (releases come first). A person renumbered within a shrinking slot
     * keeps the time they were first assigned.
     */
    void record(String pool, PoolDecision decision, String causationId, Instant now) {
        Map<String, Assignment> renumbered = new HashMap<>();
        List<Object[]> released = new ArrayList<>();
        List<Object[]> taken = new ArrayList<>();
        for (AssignmentChange change : decision.changes()) {
            SeatKey seat = change.seat();
            String slotOfPerson = change.personId() + "@" + seat.projectId() + "/" + seat.slotId();
            if (change.assigned()) {
                Assignment before = change.reason() == ChangeReason.SEAT_RENUMBERED
                        ? renumbered.remove(slotOfPerson) : null;
                taken.add(new Object[] {seat.asString(), pool, seat.projectId(), seat.slotId(), seat.seat(),
                        change.personId(), change.persona(), change.allocation(),
                        Timestamp.from(before == null ? now : before.assignedAt()), change.order()});
            } else {
                if (change.reason() == ChangeReason.SEAT_RENUMBERED) {
                    assignments.findById(seat.asString()).ifPresent(stored -> renumbered.put(slotOfPerson, stored));
                }
                released.add(new Object[] {seat.asString()});
            }
            outbox.append(topics.assignmentEvents(), seat.projectId(), event(pool, change, causationId, now));
            log.debug("{} employee {} {} seat {} ({}): {}", change.assigned() ? "Assigned" : "Released",
                    change.personId(), change.assigned() ? "to" : "from", seat, change.persona(), change.reason());
        }
        List<Object[]> reallocated = new ArrayList<>();
        for (Holding holding : decision.reallocated()) {
            reallocated.add(new Object[] {holding.allocation(), holding.seat().asString()});
        }
        // Releases come first in a decision, so a seat released and taken again is deleted before it is inserted.
        if (!released.isEmpty()) {
            jdbc.batchUpdate("delete from assignment where seat_key = ?", released);
        }
        if (!taken.isEmpty()) {
            jdbc.batchUpdate("insert into assignment (seat_key, pool, project_id, slot_id, seat, person_id, persona,"
                    + " allocation, assigned_at, assign_order, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)", taken);
        }
        if (!reallocated.isEmpty()) {
            jdbc.batchUpdate("update assignment set allocation = ?, version = version + 1 where seat_key = ?",
                    reallocated);
        }
    }

    private static AssignmentEvent event(String pool, AssignmentChange change, String causationId, Instant now) {
        SeatKey seat = change.seat();
        return AssignmentEvent.newBuilder()
                .setEventId(EventIds.of("assignment", causationId, seat.asString(), change.personId(),
                        change.assigned() ? "assigned" : "unassigned"))
                .setOccurredAt(now)
                .setCausationId(causationId)
                .setPool(pool)
                .setProjectId(seat.projectId())
                .setSlotId(seat.slotId())
                .setSeat(seat.seat())
                .setPersona(change.persona())
                .setEmployeeId(change.personId())
                .setAllocation(change.allocation() / 100.0)
                .setChange(change.assigned() ? dev.staffing.events.AssignmentChange.ASSIGNED
                        : dev.staffing.events.AssignmentChange.UNASSIGNED)
                .setReason(AssignmentReason.valueOf(change.reason().name()))
                .setDetail(change.detail())
                .build();
    }
}
