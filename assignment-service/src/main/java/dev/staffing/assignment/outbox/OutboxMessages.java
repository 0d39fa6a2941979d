package dev.staffing.assignment.outbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The relay's reads and deletes of stored outbox rows, mapped by hand: a relay round reads thousands of
 * messages, and a repository's generic mapping cost more than the statement.
 */
@Component
class OutboxMessages {

    private final JdbcTemplate jdbc;

    OutboxMessages(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored row: its id and how many messages it holds. */
    record Row(long id, int messageCount) {
    }

    /**
     * The oldest pending rows, locked until the caller's transaction ends: a second relay (another instance)
     * waits, then finds only what the first left, so no message is sent twice by two relays and the messages
     * of one key stay in order.
     */
    List<Row> lockOldest(int limit) {
        return jdbc.query("select id, message_count from outbox_message order by id limit ? for update",
                (rs, row) -> new Row(rs.getLong(1), rs.getInt(2)), limit);
    }

    /** The messages of the rows {@code ids}, in order: by row id, then as appended within a row. */
    List<OutboxMessage> messagesOf(Long[] ids) {
        List<OutboxMessage> messages = new ArrayList<>();
        jdbc.query("select id, topic, message_key, payload_type, payload, headers, created_at from outbox_message"
                + " where id = any(?) order by id", rs -> {
                    messages.addAll(messagesOfRow(rs));
                }, (Object) ids);
        return messages;
    }

    void deleteByIds(Long[] ids) {
        jdbc.update("delete from outbox_message where id = any(?)", (Object) ids);
    }

    /** A row's messages: its frames, or the one message a row written before migration 9 holds. */
    static List<OutboxMessage> messagesOfRow(ResultSet rs) throws SQLException {
        long id = rs.getLong(1);
        Instant createdAt = rs.getTimestamp(7).toInstant();
        if (OutboxFrames.TYPE.equals(rs.getString(4))) {
            return OutboxFrames.decode(id, rs.getBytes(5), createdAt);
        }
        return List.of(new OutboxMessage(id, rs.getString(2), rs.getString(3), rs.getString(4), rs.getBytes(5),
                rs.getString(6), createdAt));
    }
}
