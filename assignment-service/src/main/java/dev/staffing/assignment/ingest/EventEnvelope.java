package dev.staffing.assignment.ingest;

import dev.staffing.assignment.messaging.StaffingTopics;
import dev.staffing.events.EmployeeEvent;
import dev.staffing.events.ProjectEvent;
import dev.staffing.events.StaffingOverride;

/** The common header of an input event, and a check that it came on the topic meant for its type. */
record EventEnvelope(String eventId, String entityType, String entityId, long sequence) {

    static EventEnvelope of(Object event, String topic, StaffingTopics topics) {
        if (event instanceof EmployeeEvent employee && topic.equals(topics.employeeEvents())) {
            return new EventEnvelope(employee.getEventId(), EmployeeEventApplier.ENTITY, employee.getEmployeeId(),
                    employee.getSequence());
        }
        if (event instanceof ProjectEvent project && topic.equals(topics.projectEvents())) {
            return new EventEnvelope(project.getEventId(), ProjectEventApplier.ENTITY, project.getProjectId(),
                    project.getSequence());
        }
        if (event instanceof StaffingOverride override && topic.equals(topics.overrides())) {
            // Parked under its project until the project exists, after the project's own parked events.
            return new EventEnvelope(override.getEventId(), ProjectEventApplier.ENTITY, override.getProjectId(),
                    Long.MAX_VALUE);
        }
        throw new InvalidEventException("WRONG_TYPE", "a " + (event == null ? "null" : event.getClass().getName())
                + " is not an event that topic " + topic + " carries");
    }
}
