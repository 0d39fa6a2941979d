package dev.staffing.assignment.ingest;

import dev.staffing.assignment.storage.DatabaseKind;
import dev.staffing.assignment.storage.IdChunks;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The ids of applied input events, stored in the transaction that applied them, for deduplication. A batch
 * looks up all its ids in a few reads and stores the new ones in one JDBC batch (on PostgreSQL, one statement).
 */
@Component
class ProcessedEvents {

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final Clock clock;
    private final DatabaseKind database;

    ProcessedEvents(JdbcClient jdbc, JdbcTemplate batches, Clock clock, DatabaseKind database) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.clock = clock;
        this.database = database;
    }

    /** Those of {@code eventIds} that were applied before. */
    Set<String> alreadyProcessed(Collection<String> eventIds) {
        return new HashSet<>(IdChunks.readAll(eventIds, chunk -> jdbc.sql("select event_id from processed_event"
                + " where event_id = any(?)").param(chunk).query(String.class).list()));
    }

    void addAll(Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        if (database.isPostgres()) {
            // One statement, planned once, however many ids (see DatabaseKind).
            batches.update("insert into processed_event (event_id, processed_at) select id, ? from unnest(?::varchar[])"
                    + " as v(id)", now, eventIds.toArray(String[]::new));
            return;
        }
        batches.batchUpdate("insert into processed_event (event_id, processed_at) values (?, ?)",
                eventIds.stream().map(id -> new Object[] {id, now}).toList());
    }

    /**
     * Forgets the ids stored before {@code cutoff}, {@code chunk} rows per statement (each its own short
     * transaction, so that ingest never waits long on the rows it removes); returns how many it forgot.
     */
    long forgetStoredBefore(Instant cutoff, int chunk) {
        Timestamp before = Timestamp.from(cutoff);
        long forgotten = 0;
        int deleted;
        do {
            deleted = jdbc.sql("delete from processed_event where event_id in (select event_id from processed_event"
                    + " where processed_at < ? fetch first ? rows only)").param(before).param(chunk).update();
            forgotten += deleted;
        } while (deleted >= chunk);
        return forgotten;
    }
}
