package dev.staffing.assignment.alerts;

import static dev.staffing.assignment.storage.SqlArrays.column;
import static dev.staffing.assignment.storage.SqlDates.isoDate;
import static dev.staffing.assignment.storage.SqlDates.isoInstant;
import static dev.staffing.assignment.storage.SqlDates.sqlDate;

import dev.staffing.assignment.storage.DatabaseKind;
import dev.staffing.assignment.storage.IdChunks;
import dev.staffing.assignment.storage.VersionChecks;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The open-gap rows one decision writes, gathered and then stored in one JDBC batch each for new, changed and
 * removed rows; on PostgreSQL new rows go in one statement and removed ones in one per {@link IdChunks#SIZE}.
 * Changed and removed rows keep the optimistic version they were read with, as {@link OpenGapRepository} would:
 * a row another writer changed meanwhile fails the transaction.
 */
final class OpenGapWrites {

    private static final String COLUMNS = "seat_key, pool, project_id, slot_id, seat, persona, severity, reason, detail,"
            + " effective_date, opened_at, candidates, suggestion, acknowledged_by, acknowledged_at,"
            + " acknowledgement_note, escalation_level, escalated_at";

    /** The new rows in one statement on PostgreSQL, column by column (see {@link DatabaseKind}). */
    private static final String INSERT_MANY = """
            insert into open_gap (%s, version)
            select seat_key, pool, project_id, slot_id, seat, persona, severity, reason, detail, effective_date::date,
                opened_at::timestamptz, candidates, suggestion, acknowledged_by, acknowledged_at::timestamptz,
                acknowledgement_note, escalation_level, escalated_at::timestamptz, 0
            from unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::int[], ?::varchar[], ?::varchar[],
                ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[],
                ?::varchar[], ?::varchar[], ?::int[], ?::varchar[])
                as v(%s)""".formatted(COLUMNS, COLUMNS);
    /** Removed rows per {@link IdChunks#SIZE} in one statement on PostgreSQL, their versions checked. */
    private static final String DELETE_MANY = """
            delete from open_gap g using unnest(?::varchar[], ?::bigint[]) as v(seat_key, version)
            where g.seat_key = v.seat_key and g.version = v.version
            returning g.seat_key""";

    private static final String UPDATE = "update open_gap set pool = ?, project_id = ?, slot_id = ?, seat = ?,"
            + " persona = ?, severity = ?, reason = ?, detail = ?, effective_date = ?, opened_at = ?, candidates = ?,"
            + " suggestion = ?, acknowledged_by = ?, acknowledged_at = ?, acknowledgement_note = ?,"
            + " escalation_level = ?, escalated_at = ?, version = version + 1 where seat_key = ? and version = ?";

    private final List<OpenGap> inserted = new ArrayList<>();
    private final List<OpenGap> updated = new ArrayList<>();
    private final List<OpenGap> deleted = new ArrayList<>();

    /** Stores the gap; returns it as it will be stored, at its next version. */
    OpenGap save(OpenGap gap) {
        if (gap.version() == null) {
            inserted.add(gap);
            return withVersion(gap, 0L);
        }
        updated.add(gap);
        return withVersion(gap, gap.version() + 1);
    }

    void delete(OpenGap gap) {
        deleted.add(gap);
    }

    /** Removed rows first, then changed ones, then new ones. */
    void flush(JdbcTemplate jdbc, DatabaseKind database) {
        if (database.isPostgres()) {
            deleteMany(jdbc);
        } else if (!deleted.isEmpty()) {
            check(jdbc.batchUpdate("delete from open_gap where seat_key = ? and version = ?",
                    deleted.stream().map(gap -> new Object[] {gap.seatKey(), gap.version()}).toList()), deleted);
        }
        if (!updated.isEmpty()) {
            check(jdbc.batchUpdate(UPDATE, updated.stream().map(OpenGapWrites::updateRow).toList()), updated);
        }
        if (!inserted.isEmpty() && database.isPostgres()) {
            insertMany(jdbc);
        } else if (!inserted.isEmpty()) {
            jdbc.batchUpdate("insert into open_gap (" + COLUMNS + ", version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                    + " ?, ?, ?, ?, ?, ?, 0)", inserted.stream().map(OpenGapWrites::columns).toList());
        }
        inserted.clear();
        updated.clear();
        deleted.clear();
    }

    private void deleteMany(JdbcTemplate jdbc) {
        for (List<OpenGap> chunk : IdChunks.of(deleted)) {
            List<String> returned = jdbc.queryForList(DELETE_MANY, String.class, column(chunk, OpenGap::seatKey),
                    chunk.stream().map(OpenGap::version).toArray(Long[]::new));
            VersionChecks.requireEachReturned(returned, chunk, OpenGap::seatKey, OpenGapWrites::described);
        }
    }

    private void insertMany(JdbcTemplate jdbc) {
        List<OpenGap> rows = inserted;
        jdbc.update(INSERT_MANY, column(rows, OpenGap::seatKey), column(rows, OpenGap::pool),
                column(rows, OpenGap::projectId), column(rows, OpenGap::slotId),
                rows.stream().map(OpenGap::seat).toArray(Integer[]::new), column(rows, OpenGap::persona),
                column(rows, OpenGap::severity), column(rows, OpenGap::reason), column(rows, OpenGap::detail),
                column(rows, gap -> isoDate(gap.effectiveDate())), column(rows, gap -> isoInstant(gap.openedAt())),
                column(rows, OpenGap::candidates), column(rows, OpenGap::suggestion),
                column(rows, OpenGap::acknowledgedBy), column(rows, gap -> isoInstant(gap.acknowledgedAt())),
                column(rows, OpenGap::acknowledgementNote),
                rows.stream().map(OpenGap::escalationLevel).toArray(Integer[]::new),
                column(rows, gap -> isoInstant(gap.escalatedAt())));
    }

    /** {@link #UPDATE}'s parameters: the columns without the key, then the key and the version read. */
    private static Object[] updateRow(OpenGap gap) {
        Object[] columns = columns(gap);
        Object[] update = new Object[columns.length + 1];
        System.arraycopy(columns, 1, update, 0, columns.length - 1);
        update[columns.length - 1] = gap.seatKey();
        update[columns.length] = gap.version();
        return update;
    }

    private static void check(int[] counts, List<OpenGap> gaps) {
        VersionChecks.requireEachFound(counts, gaps, OpenGapWrites::described);
    }

    private static String described(OpenGap gap) {
        return "open gap " + gap.seatKey() + " (version " + gap.version() + ")";
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
