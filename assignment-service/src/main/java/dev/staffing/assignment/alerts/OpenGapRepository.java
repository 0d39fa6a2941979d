package dev.staffing.assignment.alerts;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

public interface OpenGapRepository extends ListCrudRepository<OpenGap, String> {

    List<OpenGap> findByPool(String pool);

    List<OpenGap> findByProjectId(String projectId);

    /** The open gaps of these seats: one array parameter, one plan, however many seats. */
    @Query("select * from open_gap where seat_key = any(:seatKeys)")
    List<OpenGap> findAllBySeatKeyAmong(@Param("seatKeys") String[] seatKeys);

    /** The open gaps of these projects. */
    @Query("select * from open_gap where project_id = any(:projectIds)")
    List<OpenGap> findAllByProjectIdAmong(@Param("projectIds") String[] projectIds);

    /** Unacknowledged gaps of these severities below {@code maxLevel}: those that may be due to escalate. */
    @Query("select * from open_gap where acknowledged_at is null and escalation_level < :maxLevel"
            + " and severity in (:severities)")
    List<OpenGap> findEscalationCandidates(@Param("severities") Collection<String> severities,
            @Param("maxLevel") int maxLevel);

    /**
     * Raises the gap from {@code level} to {@code level + 1} if its row is still the one read
     * ({@code version}), still at {@code level} and still unacknowledged; returns 1 if it did, else 0 (the
     * escalation was overtaken), so each level is reached once.
     */
    @Modifying
    @Query("update open_gap set escalation_level = :level + 1, escalated_at = :at, version = version + 1"
            + " where seat_key = :seatKey and version = :version and escalation_level = :level"
            + " and acknowledged_at is null")
    int escalate(@Param("seatKey") String seatKey, @Param("version") long version, @Param("level") int level,
            @Param("at") Instant at);
}
