package dev.staffing.assignment.board;

import dev.staffing.assignment.alerts.OpenGap;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An open gap as the board shows it: the fields of the API's gap view, with who acknowledged it last and how far
 * it was escalated (null and 0 where nothing is recorded).
 */
record BoardGap(String seatKey, String pool, String projectId, String slotId, int seat, String persona,
        String severity, String reason, String detail, LocalDate effectiveDate, Instant openedAt,
        List<String> candidates, String suggestion, String acknowledgedBy, Instant acknowledgedAt,
        String acknowledgementNote, int escalationLevel, Instant escalatedAt) {

    static BoardGap of(OpenGap gap) {
        return new BoardGap(gap.seatKey(), gap.pool(), gap.projectId(), gap.slotId(), gap.seat(), gap.persona(),
                gap.severity(), gap.reason(), gap.detail(), gap.effectiveDate(), gap.openedAt(), gap.candidateList(),
                gap.suggestion(), gap.acknowledgedBy(), gap.acknowledgedAt(), gap.acknowledgementNote(),
                gap.escalationLevel(), gap.escalatedAt());
    }
}
