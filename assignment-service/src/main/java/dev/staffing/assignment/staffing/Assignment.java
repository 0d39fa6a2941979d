package dev.staffing.assignment.staffing;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A person in a seat.
 *
 * @param seatKey {@code projectId/slotId/seat}
 * @param allocation FTE in hundredths
 * @param assignedAt when the person first got a seat of this slot (kept when renumbered)
 * @param assignOrder the engine's order of the holding: the most recent leave first when a slot shrinks
 */
@Table("assignment")
public record Assignment(@Id String seatKey, String pool, String projectId, String slotId, int seat, String personId,
        String persona, int allocation, Instant assignedAt, long assignOrder, @Version Long version) {

    Assignment withAllocation(int newAllocation) {
        return new Assignment(seatKey, pool, projectId, slotId, seat, personId, persona, newAllocation, assignedAt,
                assignOrder, version);
    }
}
