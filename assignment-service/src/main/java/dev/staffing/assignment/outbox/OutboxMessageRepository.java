package dev.staffing.assignment.outbox;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

interface OutboxMessageRepository extends ListCrudRepository<OutboxMessage, Long> {

    @Query("select * from outbox_message order by id limit :limit")
    List<OutboxMessage> findOldest(@Param("limit") int limit);

    @Modifying
    @Query("delete from outbox_message where id in (:ids)")
    int deleteByIds(@Param("ids") Collection<Long> ids);
}
