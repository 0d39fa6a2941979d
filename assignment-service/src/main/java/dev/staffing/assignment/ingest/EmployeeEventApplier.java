package dev.staffing.assignment.ingest;

import dev.staffing.assignment.people.Person;
import dev.staffing.assignment.staffing.PoolChanges;
import dev.staffing.events.EmployeeCapacityChanged;
import dev.staffing.events.EmployeeDeparted;
import dev.staffing.events.EmployeeEvent;
import dev.staffing.events.EmployeeHired;
import dev.staffing.events.EmployeeLeaveScheduled;
import dev.staffing.events.EmployeeProfileChanged;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Applies employee events to the people of a batch (stored when the batch is). */
@Component
class EmployeeEventApplier {

    static final String ENTITY = "employee";

    private final EventValidation validation;

    EmployeeEventApplier(EventValidation validation) {
        this.validation = validation;
    }

    /**
     * Validates and applies the event, and lists the person as changed in the pools concerned; PARKED when
     * the person is not known yet and the event is no hire.
     */
    ApplyOutcome apply(EmployeeEvent event, IngestBatch batch, PoolChanges changes) {
        String where = "employee " + event.getEmployeeId() + " event " + event.getEventId();
        validation.requireEventId(event.getEventId());
        validation.requireId(event.getEmployeeId(), "employeeId", event.getEventId());
        validation.requireId(event.getPool(), "pool", event.getEventId());
        Optional<Person> existing = batch.person(event.getEmployeeId());
        if (existing.isPresent() && event.getSequence() <= existing.get().lastSequence()) {
            return ApplyOutcome.skipped(ApplyOutcome.Status.STALE);
        }
        Object payload = event.getPayload();
        long sequence = event.getSequence();
        Person updated;
        if (payload instanceof EmployeeHired hired) {
            validation.requireKnownPersonas(hired.getPersonas(), where);
            validation.requireSkills(hired.getSkills(), where);
            validation.requireLength(hired.getDisplayName(), EventValidation.MAX_NAME, "displayName", where);
            int capacity = validation.fraction(hired.getFte(), true, "fte", where);
            Person fresh = Person.hired(event.getEmployeeId(), event.getPool(), hired.getDisplayName(),
                    Set.copyOf(hired.getPersonas()), Set.copyOf(hired.getSkills()), hired.getSeniority().name(),
                    capacity, hired.getStartDate(), sequence);
            updated = existing.map(old -> new Person(fresh.id(), fresh.pool(), fresh.displayName(), fresh.personas(),
                    fresh.skills(), fresh.seniority(), fresh.capacity(), fresh.startDate(), null, null, null, sequence,
                    old.version())).orElse(fresh);
        } else if (existing.isEmpty()) {
            return ApplyOutcome.skipped(ApplyOutcome.Status.PARKED);
        } else {
            updated = change(existing.get(), payload, sequence, where);
        }
        Set<String> pools = new LinkedHashSet<>();
        existing.ifPresent(old -> pools.add(old.pool()));
        if (!updated.pool().equals(event.getPool())) {
            updated = new Person(updated.id(), event.getPool(), updated.displayName(), updated.personas(),
                    updated.skills(), updated.seniority(), updated.capacity(), updated.startDate(), updated.leaveFrom(),
                    updated.leaveTo(), updated.departureDate(), sequence, updated.version());
        }
        Person saved = updated;
        batch.changed(saved);
        pools.add(saved.pool());
        pools.forEach(pool -> changes.person(pool, saved, event.getEventId()));
        return ApplyOutcome.applied(existing.isEmpty());
    }

    private Person change(Person person, Object payload, long sequence, String where) {
        if (payload instanceof EmployeeProfileChanged profile) {
            validation.requireKnownPersonas(profile.getPersonas(), where);
            validation.requireSkills(profile.getSkills(), where);
            return person.withProfile(Set.copyOf(profile.getPersonas()), Set.copyOf(profile.getSkills()),
                    profile.getSeniority().name(), sequence);
        }
        if (payload instanceof EmployeeCapacityChanged capacity) {
            return person.withCapacity(validation.fraction(capacity.getFte(), true, "fte", where), sequence);
        }
        if (payload instanceof EmployeeLeaveScheduled leave) {
            validation.requireOrder(leave.getFromDate(), leave.getToDate(), "leave", where);
            return person.withLeave(leave.getFromDate(), leave.getToDate(), sequence);
        }
        if (payload instanceof EmployeeDeparted departed) {
            return person.withDeparture(departed.getEffectiveDate(), sequence);
        }
        throw new InvalidEventException("UNKNOWN_PAYLOAD", "unknown payload " + payload.getClass().getName()
                + " in " + where);
    }
}
