package dev.staffing.assignment.alerts;

import dev.staffing.events.GapSeverity;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A seat that is empty now, with the alert last published for it and where the people on call stand
 * with it.
 *
 * @param seatKey {@code projectId/slotId/seat}, the key of its gap alerts
 * @param severity LOW, MEDIUM, HIGH or CRITICAL
 * @param reason the gap cause, see {@link dev.staffing.events.GapReason}
 * @param candidates the nearest candidates, one {@code id: what stops them} per line
 * @param suggestion the smallest change that would fill the seat; empty when there is none
 * @param acknowledgedBy who acknowledged the gap last; null while no one has
 * @param acknowledgedAt when it was acknowledged last; null while no one has
 * @param acknowledgementNote the latest acknowledgement's note; null when it had none
 * @param escalationLevel how many times it was escalated while unacknowledged (0: not yet)
 * @param escalatedAt when it reached its escalation level; null at level 0
 */
@Table("open_gap")
public record OpenGap(@Id String seatKey, String pool, String projectId, String slotId, int seat, String persona,
        String severity, String reason, String detail, LocalDate effectiveDate, Instant openedAt,
        String candidates, String suggestion, String acknowledgedBy, Instant acknowledgedAt,
        String acknowledgementNote, int escalationLevel, Instant escalatedAt, @Version Long version) {

    /** Most severe first, then the nearest effective date, then by seat: the order gaps are listed in. */
    public static final Comparator<OpenGap> MOST_URGENT_FIRST = Comparator
            .comparing((OpenGap gap) -> GapSeverity.valueOf(gap.severity())).reversed()
            .thenComparing(OpenGap::effectiveDate)
            .thenComparing(OpenGap::seatKey);

    public OpenGap withSeverity(String newSeverity) {
        return new OpenGap(seatKey, pool, projectId, slotId, seat, persona, newSeverity, reason, detail, effectiveDate,
                openedAt, candidates, suggestion, acknowledgedBy, acknowledgedAt, acknowledgementNote,
                escalationLevel, escalatedAt, version);
    }

    OpenGap withAcknowledgement(String by, Instant at, String note) {
        return new OpenGap(seatKey, pool, projectId, slotId, seat, persona, severity, reason, detail, effectiveDate,
                openedAt, candidates, suggestion, by, at, note, escalationLevel, escalatedAt, version);
    }

    OpenGap withEscalation(int level, Instant at) {
        return new OpenGap(seatKey, pool, projectId, slotId, seat, persona, severity, reason, detail, effectiveDate,
                openedAt, candidates, suggestion, acknowledgedBy, acknowledgedAt, acknowledgementNote, level, at,
                version);
    }

    public boolean acknowledged() {
        return acknowledgedAt != null;
    }

    public List<String> candidateList() {
        return candidates == null || candidates.isEmpty() ? List.of() : candidates.lines().toList();
    }
}
