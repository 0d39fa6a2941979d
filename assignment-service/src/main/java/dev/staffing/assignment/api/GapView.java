package dev.staffing.assignment.api;

import dev.staffing.assignment.alerts.OpenGap;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An open gap as the API shows it: why the seat is empty, who comes nearest to filling it and what
 * stops them, the smallest change that would fill it, and where the people on call stand with it: the
 * latest acknowledgement (null while none) and how far it has been escalated (0 while not).
 */
public record GapView(String seatKey, String pool, String projectId, String slotId, int seat, String persona,
        String severity, String reason, String detail, LocalDate effectiveDate, Instant openedAt,
        List<String> candidates, String suggestion, String acknowledgedBy, Instant acknowledgedAt,
        String acknowledgementNote, int escalationLevel, Instant escalatedAt) {

    /** The same gap with its explanation as things stand now. */
    GapView explainedNow(String nowDetail, List<String> nowCandidates, String nowSuggestion) {
        return new GapView(seatKey, pool, projectId, slotId, seat, persona, severity, reason, nowDetail, effectiveDate,
                openedAt, nowCandidates, nowSuggestion, acknowledgedBy, acknowledgedAt, acknowledgementNote,
                escalationLevel, escalatedAt);
    }

    /** The stored gap as last alerted. */
    public static GapView of(OpenGap gap) {
        return new GapView(gap.seatKey(), gap.pool(), gap.projectId(), gap.slotId(), gap.seat(), gap.persona(),
                gap.severity(), gap.reason(), gap.detail(), gap.effectiveDate(), gap.openedAt(), gap.candidateList(),
                gap.suggestion(), gap.acknowledgedBy(), gap.acknowledgedAt(), gap.acknowledgementNote(),
                gap.escalationLevel(), gap.escalatedAt());
    }
}
