package dev.staffing.assignment.alerts;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A seat that is empty now, with the alert last published for it.
 *
 * @param seatKey {@code projectId/slotId/seat}, the key of its gap alerts
 * @param severity LOW, MEDIUM, HIGH or CRITICAL
 * @param reason the gap cause, see {@link dev.staffing.events.GapReason}
 */
@Table("open_gap")
public record OpenGap(@Id String seatKey, String pool, String projectId, String slotId, int seat, String persona,
        String severity, String reason, String detail, LocalDate effectiveDate, Instant openedAt,
        @Version Long version) {
}
