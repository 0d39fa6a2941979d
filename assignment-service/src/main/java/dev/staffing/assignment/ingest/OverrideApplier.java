package dev.staffing.assignment.ingest;

import dev.staffing.assignment.overrides.OverrideAuditEntry;
import dev.staffing.assignment.overrides.OverrideStore;
import dev.staffing.assignment.projects.Project;
import dev.staffing.assignment.staffing.PoolChanges;
import dev.staffing.events.OverrideAction;
import dev.staffing.events.StaffingOverride;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Applies a staffing manager's override to the overrides in force, audits it, and lists the project as
 * changed so that its pool's decision in the same batch takes the override into account. A pin lifts an
 * exclusion of the same person from the project, and an exclusion lifts the person's pins in it: the later
 * request wins, so the engine never sees a person both pinned and excluded.
 */
@Component
class OverrideApplier {

    private static final Logger log = LoggerFactory.getLogger(OverrideApplier.class);

    static final int MAX_REQUESTED_BY = 200;

    private final OverrideStore overrides;
    private final EventValidation validation;
    private final Clock clock;

    OverrideApplier(OverrideStore overrides, EventValidation validation, Clock clock) {
        this.overrides = overrides;
        this.validation = validation;
        this.clock = clock;
    }

    /** PARKED while the project is not known yet (its opening may still be on its way). */
    ApplyOutcome apply(StaffingOverride event, IngestBatch batch, PoolChanges changes) {
        String where = "override " + event.getEventId();
        validation.requireEventId(event.getEventId());
        validation.requireId(event.getProjectId(), "projectId", event.getEventId());
        validation.requireId(event.getPersonId(), "personId", event.getEventId());
        validation.requireId(event.getPool(), "pool", event.getEventId());
        boolean slotAction = event.getAction() == OverrideAction.PIN || event.getAction() == OverrideAction.UNPIN;
        if (slotAction) {
            validation.requireId(event.getSlotId(), "slotId", event.getEventId());
        } else if (event.getSlotId() != null) {
            throw new InvalidEventException("UNEXPECTED_SLOT", event.getAction() + " applies to a whole project, but "
                    + where + " names slot " + event.getSlotId());
        }
        if (event.getRequestedBy() == null || event.getRequestedBy().isBlank()) {
            throw new InvalidEventException("MISSING_ID", "requestedBy is blank in " + where);
        }
        validation.requireLength(event.getRequestedBy(), MAX_REQUESTED_BY, "requestedBy", where);
        if (event.getReason() == null || event.getReason().isBlank()) {
            throw new InvalidEventException("MISSING_REASON", "reason is blank in " + where
                    + "; every override is audited with why");
        }
        validation.requireLength(event.getReason(), OverrideStore.MAX_REASON, "reason", where);
        Optional<Project> project = batch.project(event.getProjectId());
        if (project.isEmpty()) {
            return ApplyOutcome.skipped(ApplyOutcome.Status.PARKED);
        }
        OverrideStore.Request request = new OverrideStore.Request(event.getEventId(), event.getRequestedBy(),
                event.getOccurredAt(), event.getReason());
        String outcome = switch (event.getAction()) {
            case PIN -> pin(event, request);
            case UNPIN -> overrides.unpin(event.getProjectId(), event.getSlotId(), event.getPersonId()) ? "unpinned"
                    : "was not pinned";
            case EXCLUDE -> exclude(event, request);
            case INCLUDE -> overrides.include(event.getProjectId(), event.getPersonId()) ? "exclusion lifted"
                    : "was not excluded";
        };
        String pool = project.get().pool();
        overrides.audit(new OverrideAuditEntry(event.getEventId(), event.getAction().name(), pool,
                event.getProjectId(), event.getSlotId(), event.getPersonId(), event.getRequestedBy(),
                event.getOccurredAt(), event.getReason(), outcome, clock.instant()));
        log.info("Override {}: {} employee {} on project {}{} by {}: {}", event.getEventId(), event.getAction(),
                event.getPersonId(), event.getProjectId(), slotAction ? " slot " + event.getSlotId() : "",
                event.getRequestedBy(), outcome);
        changes.project(pool, project.get(), event.getEventId());
        return ApplyOutcome.applied(false);
    }

    private String pin(StaffingOverride event, OverrideStore.Request request) {
        boolean included = overrides.include(event.getProjectId(), event.getPersonId());
        boolean pinned = overrides.pin(event.getProjectId(), event.getSlotId(), event.getPersonId(), request);
        return (pinned ? "pinned" : "already pinned") + (included ? "; exclusion from the project lifted" : "");
    }

    private String exclude(StaffingOverride event, OverrideStore.Request request) {
        List<String> unpinned = overrides.unpinEverywhere(event.getProjectId(), event.getPersonId());
        boolean excluded = overrides.exclude(event.getProjectId(), event.getPersonId(), request);
        return (excluded ? "excluded" : "already excluded")
                + (unpinned.isEmpty() ? "" : "; pins lifted on slot(s) " + String.join(", ", unpinned));
    }
}
