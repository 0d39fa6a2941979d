package dev.staffing.assignment.overrides;

import java.time.Instant;

/**
 * One applied override request, as it was asked for and what it did.
 *
 * @param action PIN, UNPIN, EXCLUDE or INCLUDE
 * @param outcome what applying it changed, in words naming ids only
 * @param appliedAt when the service applied it (its decision followed in the same transaction)
 */
public record OverrideAuditEntry(String eventId, String action, String pool, String projectId, String slotId,
        String personId, String requestedBy, Instant requestedAt, String reason, String outcome,
        Instant appliedAt) {
}
