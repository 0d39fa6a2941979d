package dev.staffing.assignment.ingest;

import dev.staffing.assignment.storage.IdChunks;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Input events that arrived before their person or project existed, kept until it does. */
@Component
class ParkedEvents {

    /** A parked record: the topic and the bytes it arrived with. */
    record Parked(long id, String topic, byte[] payload) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    ParkedEvents(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void park(String entityType, String entityId, long sequence, String topic, byte[] payload) {
        jdbc.sql("""
                insert into parked_event (entity_type, entity_id, sequence, topic, payload, parked_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(entityType, entityId, sequence, topic, payload, Timestamp.from(clock.instant()))
                .update();
    }

    /**
     * Which of these entities have parked events, each as {@link #key}: one read for a whole batch, so that
     * only those look for their parked events when they appear.
     */
    Set<String> waitingAmong(Collection<String> entityIds) {
        return new HashSet<>(IdChunks.readAll(entityIds, chunk -> jdbc.sql("select distinct entity_type, entity_id"
                + " from parked_event where entity_id = any(?)").param(chunk)
                .query((rs, row) -> key(rs.getString(1), rs.getString(2))).list()));
    }

    static String key(String entityType, String entityId) {
        return entityType + ":" + entityId;
    }

    /** How many events are parked, over all entities. */
    long count() {
        return jdbc.sql("select count(*) from parked_event").query(Long.class).single();
    }

    /** Removes and returns the events parked for an entity, in sequence order. */
    List<Parked> takeFor(String entityType, String entityId) {
        List<Parked> parked = jdbc.sql("""
                select id, topic, payload from parked_event where entity_type = ? and entity_id = ?
                order by sequence, id""")
                .params(entityType, entityId)
                .query((rs, row) -> new Parked(rs.getLong("id"), rs.getString("topic"), rs.getBytes("payload")))
                .list();
        if (!parked.isEmpty()) {
            jdbc.sql("delete from parked_event where entity_type = ? and entity_id = ?")
                    .params(entityType, entityId).update();
        }
        return parked;
    }
}
