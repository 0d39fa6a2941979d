package dev.staffing.assignment.ingest;

import dev.staffing.assignment.people.TagSet;
import dev.staffing.assignment.projects.Project;
import dev.staffing.assignment.projects.ProjectSlot;
import dev.staffing.assignment.staffing.PoolChanges;
import dev.staffing.events.ProjectClosed;
import dev.staffing.events.ProjectEvent;
import dev.staffing.events.ProjectOpened;
import dev.staffing.events.ProjectScheduleChanged;
import dev.staffing.events.ProjectSlotsChanged;
import dev.staffing.events.Slot;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Applies project events to the projects of a batch, slots and all (stored when the batch is). */
@Component
class ProjectEventApplier {

    static final String ENTITY = "project";

    private final EventValidation validation;

    ProjectEventApplier(EventValidation validation) {
        this.validation = validation;
    }

    /**
     * Validates and applies the event, and lists the project as changed in the pools concerned; PARKED when
     * the project is not known yet and the event does not open it.
     */
    ApplyOutcome apply(ProjectEvent event, IngestBatch batch, PoolChanges changes) {
        String where = "project " + event.getProjectId() + " event " + event.getEventId();
        validation.requireEventId(event.getEventId());
        validation.requireId(event.getProjectId(), "projectId", event.getEventId());
        validation.requireId(event.getPool(), "pool", event.getEventId());
        Optional<Project> existing = batch.project(event.getProjectId());
        if (existing.isPresent() && event.getSequence() <= existing.get().lastSequence()) {
            return ApplyOutcome.skipped(ApplyOutcome.Status.STALE);
        }
        long sequence = event.getSequence();
        Object payload = event.getPayload();
        Project updated;
        if (payload instanceof ProjectOpened opened) {
            validation.requirePriority(opened.getPriority(), where);
            validation.requireOrder(opened.getStartDate(), opened.getEndDate(), "project", where);
            validation.requireLength(opened.getName(), EventValidation.MAX_NAME, "name", where);
            updated = new Project(event.getProjectId(), event.getPool(), opened.getName(), opened.getPriority(),
                    opened.getStartDate(), opened.getEndDate(), false, sequence, slots(opened.getSlots(), where),
                    existing.map(Project::version).orElse(null));
        } else if (existing.isEmpty()) {
            return ApplyOutcome.skipped(ApplyOutcome.Status.PARKED);
        } else if (payload instanceof ProjectSlotsChanged changed) {
            updated = existing.get().withSlots(slots(changed.getSlots(), where), sequence);
        } else if (payload instanceof ProjectScheduleChanged schedule) {
            validation.requirePriority(schedule.getPriority(), where);
            validation.requireOrder(schedule.getStartDate(), schedule.getEndDate(), "project", where);
            updated = existing.get().withSchedule(schedule.getPriority(), schedule.getStartDate(),
                    schedule.getEndDate(), sequence);
        } else if (payload instanceof ProjectClosed closed) {
            updated = existing.get().asClosed(closed.getEffectiveDate(), sequence);
        } else {
            throw new InvalidEventException("UNKNOWN_PAYLOAD", "unknown payload " + payload.getClass().getName()
                    + " in " + where);
        }
        Set<String> pools = new LinkedHashSet<>();
        existing.ifPresent(old -> pools.add(old.pool()));
        if (!updated.pool().equals(event.getPool())) {
            updated = new Project(updated.id(), event.getPool(), updated.name(), updated.priority(),
                    updated.startDate(), updated.endDate(), updated.closed(), sequence, updated.slots(),
                    updated.version());
        }
        Project saved = updated;
        batch.changed(saved);
        pools.add(saved.pool());
        boolean reprioritised = existing.isPresent() && existing.get().priority() != saved.priority();
        for (String pool : pools) {
            if (reprioritised) {
                changes.reprioritised(pool, saved, event.getEventId());
            } else {
                changes.project(pool, saved, event.getEventId());
            }
        }
        return ApplyOutcome.applied(existing.isEmpty());
    }

    private List<ProjectSlot> slots(List<Slot> slots, String where) {
        List<ProjectSlot> result = new ArrayList<>();
        Set<String> slotIds = new HashSet<>();
        for (Slot slot : slots) {
            String slotWhere = "slot " + slot.getSlotId() + " of " + where;
            validation.requireId(slot.getSlotId(), "slotId", where);
            if (!slotIds.add(slot.getSlotId())) {
                throw new InvalidEventException("DUPLICATE_SLOT", "slot id " + slot.getSlotId() + " repeats in "
                        + where);
            }
            validation.requireKnownPersonas(List.of(slot.getPersona()), slotWhere);
            if (slot.getSeats() < 0) {
                throw new InvalidEventException("NEGATIVE_SEATS", "seats " + slot.getSeats() + " below 0 in "
                        + slotWhere);
            }
            int allocation = validation.fraction(slot.getAllocation(), false, "allocation", slotWhere);
            validation.requireSkills(slot.getRequiredSkills(), slotWhere);
            result.add(new ProjectSlot(slot.getSlotId(), slot.getPersona(), slot.getSeats(), allocation,
                    TagSet.of(slot.getRequiredSkills()).format(),
                    slot.getMinSeniority() == null ? null : slot.getMinSeniority().name()));
        }
        return result;
    }
}
