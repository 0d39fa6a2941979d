package dev.staffing.assignment.alerts;

import static dev.staffing.assignment.storage.SqlDates.sqlDate;

import dev.staffing.assignment.storage.VersionChecks;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The open-gap rows one decision writes, gathered and then stored in one JDBC batch each for new, changed and
 * removed rows. Changed and removed rows keep the optimistic version they were read with, as
 * {@link OpenGapRepository} would: a row another writer changed meanwhile fails the transaction.
 */
final class OpenGapWrites {

    private static final String COLUMNS = "seat_key, pool, project_id, slot_id, seat, persona, severity, reason, detail,"
            + " effective_date, opened_at, candidates, suggestion, acknowledged_by, acknowledged_at,"
            + " acknowledgement_note, escalation_level, escalated_at";

    private final List<Object[]> inserts = new ArrayList<>();
    private final List<Object[]> updates = new ArrayList<>();
    private final List<OpenGap> updated = new ArrayList<>();
    private final List<Object[]> deletes = new ArrayList<>();
    private final List<OpenGap> deleted = new ArrayList<>();

    /** Stores the gap; returns it as it will be stored, at its next version. */
    OpenGap save(OpenGap gap) {
        if (gap.version() == null) {
            inserts.add(columns(gap));
            return withVersion(gap, 0L);
        }
        // The same columns without the key first, then the key and the version read.
        Object[] columns = columns(gap);
        Object[] update = new Object[columns.length + 1];
        System.arraycopy(columns, 1, update, 0, columns.length - 1);
        update[columns.length - 1] = gap.seatKey();
        update[columns.length] = gap.version();
        updates.add(update);
        updated.add(gap);
        return withVersion(gap, gap.version() + 1);
    }

    void delete(OpenGap gap) {
        deletes.add(new Object[] {gap.seatKey(), gap.version()});
        deleted.add(gap);
    }

    void flush(JdbcTemplate jdbc) {
        if (!deletes.isEmpty()) {
            check(jdbc.batchUpdate("delete from open_gap where seat_key = ? and version = ?", deletes), deleted);
        }
        if (!updates.isEmpty()) {
            check(jdbc.batchUpdate("update open_gap set pool = ?, project_id = ?, slot_id = ?, seat = ?, persona = ?,"
                    + " severity = ?, reason = ?, detail = ?, effective_date = ?, opened_at = ?, candidates = ?,"
                    + " suggestion = ?, acknowledged_by = ?, acknowledged_at = ?, acknowledgement_note = ?,"
                    + " escalation_level = ?, escalated_at = ?, version = version + 1"
                    + " where seat_key = ? and version = ?", updates), updated);
        }
        if (!inserts.isEmpty()) {
            jdbc.batchUpdate("insert into open_gap (" + COLUMNS + ", version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                    + " ?, ?, ?, ?, ?, ?, 0)", inserts);
        }
        inserts.clear();
        updates.clear();
        updated.clear();
        deletes.clear();
        deleted.clear();
    }

    private static void check(int[] counts, List<OpenGap> gaps) {
        VersionChecks.requireEachFound(counts, gaps, gap -> "open gap " + gap.seatKey() + " (version " + gap.version()
                + ")");
    }

    /** The row's columns in {@link #COLUMNS} order. */
    private static Object[] columns(OpenGap gap) {
        return new Object[] {gap.seatKey(), gap.pool(), gap.projectId(), gap.slotId(), gap.seat(), gap.persona(),
                gap.severity(), gap.reason(), gap.detail(), sqlDate(gap.effectiveDate()), timestamp(gap.openedAt()),
                gap.candidates(), gap.suggestion(), gap.acknowledgedBy(), timestamp(gap.acknowledgedAt()),
                gap.acknowledgementNote(), gap.escalationLevel(), timestamp(gap.escalatedAt())};
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static OpenGap withVersion(OpenGap gap, Long version) {
        return new OpenGap(gap.seatKey(), gap.pool(), gap.projectId(), gap.slotId(), gap.seat(), gap.persona(),
                gap.severity(), gap.reason(), gap.detail(), gap.effectiveDate(), gap.openedAt(), gap.candidates(),
                gap.suggestion(), gap.acknowledgedBy(), gap.acknowledgedAt(), gap.acknowledgementNote(),
                gap.escalationLevel(), gap.escalatedAt(), version);
    }
}
