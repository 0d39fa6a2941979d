package dev.staffing.assignment.alerts;

import dev.staffing.events.GapAlert;
import dev.staffing.events.GapReason;
import dev.staffing.events.GapResolution;
import dev.staffing.events.GapSeverity;
import dev.staffing.events.GapStatus;
import java.time.Instant;
import java.util.List;

/**
 * The gap alert that tells where a seat's gap stands: its cause and severity as last decided, and
 * where the people on call stand with it (acknowledgement, escalation level), so that the latest alert
 * per seat on the compacted topic is the whole story.
 */
final class GapAlerts {

    private GapAlerts() {
    }

    /** The alert for {@code gap}; with a {@code resolution}, the last word on a gap that is no more. */
    static GapAlert of(OpenGap gap, GapStatus status, GapResolution resolution, String eventId, String causationId,
            Instant now) {
        String detail = resolution == null ? gap.detail() : "resolved: " + resolution.name().toLowerCase()
                .replace('_', ' ');
        return GapAlert.newBuilder()
                .setEventId(eventId)
                .setOccurredAt(now)
                .setCausationId(causationId)
                .setPool(gap.pool())
                .setProjectId(gap.projectId())
                .setSlotId(gap.slotId())
                .setSeat(gap.seat())
                .setPersona(gap.persona())
                .setStatus(status)
                .setSeverity(GapSeverity.valueOf(gap.severity()))
                .setEffectiveDate(gap.effectiveDate())
                .setReason(GapReason.valueOf(gap.reason()))
                .setResolution(resolution)
                .setDetail(detail)
                .setCandidates(resolution == null ? gap.candidateList() : List.of())
                .setSuggestion(resolution == null ? gap.suggestion() : "")
                .setAcknowledgedBy(gap.acknowledgedBy())
                .setAcknowledgedAt(gap.acknowledgedAt())
                .setAcknowledgementNote(gap.acknowledgementNote())
                .setEscalationLevel(gap.escalationLevel())
                .setEscalatedAt(gap.escalatedAt())
                .build();
    }
}
