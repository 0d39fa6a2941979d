package dev.staffing.assignment.outbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The relay's reads and deletes of stored outbox rows, mapped by hand: a relay round reads thousands of
 * rows, and a repository's generic mapping cost more than the statement.
 */
@Component
class OutboxMessages {

    private final JdbcTemplate jdbc;

    OutboxMessages(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The oldest pending messages, locked until the caller's transaction ends: a second relay (another
     * instance) waits, then finds only what the first left, so no message is sent twice by two relays and
     * the messages of one key stay in order.
     */
    List<OutboxMessage> lockOldest(int limit) {
        return jdbc.query("select id, topic, message_key, payload_type, payload, headers, created_at"
                + " from outbox_message order by id limit ? for update", OutboxMessages::message, limit);
    }

    void deleteByIds(Long[] ids) {
        jdbc.update("delete from outbox_message where id = any(?)", (Object) ids);
    }

    private static OutboxMessage message(ResultSet rs, int row) throws SQLException {
        return new OutboxMessage(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBytes(5),
                rs.getString(6), rs.getTimestamp(7).toInstant());
    }
}
