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
 */
@Table("assignment")
public record Assignment(@Id String seatKey, String pool, String projectId, String slotId, int seat, String personId,
        String persona, int allocation, Instant assignedAt, @Version Long version) {

    Assignment withAllocation(int newAllocation) {
        return new Assignment(seatKey, pool, projectId, slotId, seat, personId, persona, newAllocation, assignedAt, version);
    }
}
