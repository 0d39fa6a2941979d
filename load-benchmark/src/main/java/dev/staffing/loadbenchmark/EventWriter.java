package dev.staffing.loadbenchmark;

import dev.staffing.events.EmployeeEvent;
import dev.staffing.events.ProjectEvent;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Wraps payloads into input events with the run's ids, in order, each with its entity's sequence and pool.
 * Times are fixed (the service runs on the same fixed clock), so a seed gives byte-identical events.
 */
final class EventWriter {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");

    private final EventIds ids;
    private int next;

    EventWriter(EventIds ids) {
        this.ids = ids;
    }

    InputEvent employee(PoolMirror pool, PersonState person, Object payload) {
        int index = next++;
        EmployeeEvent event = EmployeeEvent.newBuilder().setEventId(ids.id(index)).setOccurredAt(NOW)
                .setSequence(person.sequence()).setPool(pool.name).setEmployeeId(person.id()).setPayload(payload)
                .build();
        return new InputEvent(index, Topics.EMPLOYEE_EVENTS, person.id(), event);
    }

    InputEvent project(PoolMirror pool, ProjectState project, Object payload) {
        int index = next++;
        ProjectEvent event = ProjectEvent.newBuilder().setEventId(ids.id(index)).setOccurredAt(NOW)
                .setSequence(project.sequence()).setPool(pool.name).setProjectId(project.id()).setPayload(payload)
                .build();
        return new InputEvent(index, Topics.PROJECT_EVENTS, project.id(), event);
    }
}
