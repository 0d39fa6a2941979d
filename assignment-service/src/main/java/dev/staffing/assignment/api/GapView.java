package dev.staffing.assignment.api;

import dev.staffing.assignment.alerts.OpenGap;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An open gap as the API shows it: why the seat is empty, who comes nearest to filling it and what
 * stops them, and the smallest change that would fill it.
 */
record GapView(String seatKey, String pool, String projectId, String slotId, int seat, String persona,
        String severity, String reason, String detail, LocalDate effectiveDate, Instant openedAt,
        List<String> candidates, String suggestion) {

    /** The same gap with its explanation as things stand now. */
    GapView explainedNow(String nowDetail, List<String> nowCandidates, String nowSuggestion) {
        return new GapView(seatKey, pool, projectId, slotId, seat, persona, severity, reason, nowDetail, effectiveDate,
                openedAt, nowCandidates, nowSuggestion);
    }

    static GapView of(OpenGap gap) {
        return new GapView(gap.seatKey(), gap.pool(), gap.projectId(), gap.slotId(), gap.seat(), gap.persona(),
                gap.severity(), gap.reason(), gap.detail(), gap.effectiveDate(), gap.openedAt(), gap.candidateList(),
                gap.suggestion());
    }
}
