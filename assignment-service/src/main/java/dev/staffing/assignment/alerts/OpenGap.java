package dev.staffing.assignment.alerts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A seat that is empty now, with the alert last published for it.
 *
 * @param seatKey {@code projectId/slotId/seat}, the key of its gap alerts
 * @param severity LOW, MEDIUM, HIGH or CRITICAL
 * @param reason the gap cause, see {@link dev.staffing.events.GapReason}
 * @param candidates the nearest candidates, one {@code id: what stops them} per line
 * @param suggestion the smallest change that would fill the seat; empty when there is none
 */
@Table("open_gap")
public record OpenGap(@Id String seatKey, String pool, String projectId, String slotId, int seat, String persona,
        String severity, String reason, String detail, LocalDate effectiveDate, Instant openedAt,
        String candidates, String suggestion, @Version Long version) {

    public OpenGap withSeverity(String newSeverity) {
        return new OpenGap(seatKey, pool, projectId, slotId, seat, persona, newSeverity, reason, detail, effectiveDate,
                openedAt, candidates, suggestion, version);
    }

    public List<String> candidateList() {
        return candidates == null || candidates.isEmpty() ? List.of() : candidates.lines().toList();
    }
}
