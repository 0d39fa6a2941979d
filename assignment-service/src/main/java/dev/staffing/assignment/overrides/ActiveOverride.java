package dev.staffing.assignment.overrides;

import java.time.Instant;

/**
 * An override in force, as the API lists it.
 *
 * @param slotId the pinned slot; null for an exclusion
 */
public record ActiveOverride(OverrideKind kind, String pool, String projectId, String slotId, String personId,
        String requestedBy, Instant requestedAt, String reason, String eventId) {
}
