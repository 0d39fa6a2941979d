package dev.staffing.assignment.staffing;

import static dev.staffing.assignment.storage.SqlDates.isoInstant;

import dev.staffing.assignment.engine.AssignmentChange;
import dev.staffing.assignment.engine.ChangeReason;
import dev.staffing.assignment.engine.Holding;
import dev.staffing.assignment.engine.PoolDecision;
import dev.staffing.assignment.engine.SeatKey;
import dev.staffing.assignment.messaging.StaffingTopics;
import dev.staffing.assignment.outbox.EventIds;
import dev.staffing.assignment.outbox.Outbox;
import dev.staffing.assignment.storage.DatabaseKind;
import dev.staffing.assignment.storage.IdChunks;
import dev.staffing.events.AssignmentEvent;
import dev.staffing.events.AssignmentReason;
import java.lang.reflect.Array;
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

    /** The Java types of a taken seat's columns, in the order of {@link #INSERT_MANY}'s arrays. */
    private static final Class<?>[] TAKEN_COLUMN_TYPES = {String.class, String.class, String.class, String.class,
        Integer.class, String.class, String.class, Integer.class, String.class, Long.class};
    private static final String INSERT_MANY = """
            insert into assignment (seat_key, pool, project_id, slot_id, seat, person_id, persona, allocation,
                assigned_at, assign_order, version)
            select seat_key, pool, project_id, slot_id, seat, person_id, persona, allocation, assigned_at::timestamptz,
                assign_order, 0
            from unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::int[], ?::varchar[], ?::varchar[],
                ?::int[], ?::varchar[], ?::bigint[])
                as v(seat_key, pool, project_id, slot_id, seat, person_id, persona, allocation, assigned_at,
                    assign_order)""";

    private final AssignmentRepository assignments;
    private final JdbcTemplate jdbc;
    private final Outbox outbox;
    private final StaffingTopics topics;
    private final DatabaseKind database;

    AssignmentRecorder(AssignmentRepository assignments, JdbcTemplate jdbc, Outbox outbox, StaffingTopics topics,
            DatabaseKind database) {
        this.assignments = assignments;
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.topics = topics;
        this.database = database;
    }

    /** One pool's decision and the input event that caused it. */
    record PoolDecided(String pool, PoolDecision decision, String causationId) {
    }

    /**
     * Stores the assignment changes of the decisions of one batch, each decision's in its order (releases
     * come first), in one JDBC batch each for released, taken and reallocated seats over all the decisions:
     * all releases are deleted before any seat is inserted, so a seat released by one pool and taken by
     * another (its project moved) ends with the taker. A person renumbered within a shrinking slot keeps the
     * time they were first assigned.
     */
    void recordAll(List<PoolDecided> decisions, Instant now) {
        Map<String, Assignment> renumberedFrom = renumberedSeats(decisions);
        List<String> released = new ArrayList<>();
        List<Object[]> taken = new ArrayList<>();
        List<Object[]> reallocated = new ArrayList<>();
        for (PoolDecided decided : decisions) {
            Map<String, Assignment> renumbered = new HashMap<>();
            for (AssignmentChange change : decided.decision().changes()) {
                SeatKey seat = change.seat();
                String slotOfPerson = change.personId() + "@" + seat.projectId() + "/" + seat.slotId();
                if (change.assigned()) {
                    Assignment before = change.reason() == ChangeReason.SEAT_RENUMBERED
                            ? renumbered.remove(slotOfPerson) : null;
                    taken.add(new Object[] {seat.asString(), decided.pool(), seat.projectId(), seat.slotId(),
                            seat.seat(), change.personId(), change.persona(), change.allocation(),
                            Timestamp.from(before == null ? now : before.assignedAt()), change.order()});
                } else {
                    Assignment stored = change.reason() == ChangeReason.SEAT_RENUMBERED
                            ? renumberedFrom.get(seat.asString()) : null;
                    if (stored != null) {
                        renumbered.put(slotOfPerson, stored);
                    }
                    released.add(seat.asString());
                }
                outbox.append(topics.assignmentEvents(), seat.projectId(),
                        event(decided.pool(), change, decided.causationId(), now));
                log.debug("{} employee {} {} seat {} ({}): {}", change.assigned() ? "Assigned" : "Released",
                        change.personId(), change.assigned() ? "to" : "from", seat, change.persona(), change.reason());
            }
            for (Holding holding : decided.decision().reallocated()) {
                reallocated.add(new Object[] {holding.allocation(), holding.seat().asString()});
            }
        }
        // One statement per chunk of seats rather than one per seat: on PostgreSQL each would be planned anew.
        for (List<String> chunk : IdChunks.of(released)) {
            jdbc.update("delete from assignment where seat_key = any(?)", (Object) chunk.toArray(String[]::new));
        }
        if (!taken.isEmpty() && database.isPostgres()) {
            insertMany(taken);
        } else if (!taken.isEmpty()) {
            jdbc.batchUpdate("insert into assignment (seat_key, pool, project_id, slot_id, seat, person_id, persona,"
                    + " allocation, assigned_at, assign_order, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)", taken);
        }
        if (!reallocated.isEmpty()) {
            jdbc.batchUpdate("update assignment set allocation = ?, version = version + 1 where seat_key = ?",
                    reallocated);
        }
    }

    /** The taken seats in one statement, on PostgreSQL: a JDBC batch would be planned per statement. */
    private void insertMany(List<Object[]> taken) {
        Object[] columns = new Object[TAKEN_COLUMN_TYPES.length];
        for (int column = 0; column < columns.length; column++) {
            Object[] values = (Object[]) Array.newInstance(TAKEN_COLUMN_TYPES[column], taken.size());
            for (int row = 0; row < values.length; row++) {
                Object value = taken.get(row)[column];
                values[row] = value instanceof Timestamp timestamp ? isoInstant(timestamp.toInstant()) : value;
            }
            columns[column] = values;
        }
        jdbc.update(INSERT_MANY, columns);
    }

    /** The stored rows of the seats released to be renumbered, read in one statement, by seat key. */
    private Map<String, Assignment> renumberedSeats(List<PoolDecided> decisions) {
        List<String> seats = new ArrayList<>();
        for (PoolDecided decided : decisions) {
            for (AssignmentChange change : decided.decision().changes()) {
                if (!change.assigned() && change.reason() == ChangeReason.SEAT_RENUMBERED) {
                    seats.add(change.seat().asString());
                }
            }
        }
        Map<String, Assignment> found = new HashMap<>();
        if (!seats.isEmpty()) {
            assignments.findAllById(seats).forEach(stored -> found.put(stored.seatKey(), stored));
        }
        return found;
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
