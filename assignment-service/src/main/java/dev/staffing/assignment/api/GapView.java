package dev.staffing.assignment.api;

import dev.staffing.assignment.alerts.OpenGap;
import java.time.Instant;
import java.time.LocalDate;

/** An open gap as the API shows it. */
record GapView(String seatKey, String pool, String projectId, String slotId, int seat, String persona,
        String severity, String reason, String detail, LocalDate effectiveDate, Instant openedAt) {

    static GapView of(OpenGap gap) {
        return new GapView(gap.seatKey(), gap.pool(), gap.projectId(), gap.slotId(), gap.seat(), gap.persona(),
                gap.severity(), gap.reason(), gap.detail(), gap.effectiveDate(), gap.openedAt());
    }
}
