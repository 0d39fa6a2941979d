package dev.staffing.assignment.ingest;

import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The ids of applied input events, stored in the transaction that applied them, for deduplication. */
@Component
class ProcessedEvents {

    private final JdbcClient jdbc;
    private final Clock clock;

    ProcessedEvents(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    boolean contains(String eventId) {
        return jdbc.sql("select count(*) from processed_event where event_id = ?").param(eventId)
                .query(Integer.class).single() > 0;
    }

    void add(String eventId) {
        jdbc.sql("insert into processed_event (event_id, processed_at) values (?, ?)")
                .param(eventId).param(Timestamp.from(clock.instant())).update();
    }
}
