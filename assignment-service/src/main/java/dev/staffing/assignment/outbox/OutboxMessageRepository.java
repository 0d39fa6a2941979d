package dev.staffing.assignment.outbox;

import java.util.List;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

interface OutboxMessageRepository extends ListCrudRepository<OutboxMessage, Long> {

    /**
     * The oldest pending messages, locked until the caller's transaction ends: a second relay (another
     * instance) waits, then finds only what the first left, so no message is sent twice by two relays and
     * the messages of one key stay in order.
     */
    @Query("select * from outbox_message order by id limit :limit for update")
    List<OutboxMessage> lockOldest(@Param("limit") int limit);

    @Modifying
    @Query("delete from outbox_message where id = any(:ids)")
    int deleteByIds(@Param("ids") Long[] ids);
}
