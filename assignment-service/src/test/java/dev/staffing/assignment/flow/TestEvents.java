package dev.staffing.assignment.flow;

import dev.staffing.events.EmployeeCapacityChanged;
import dev.staffing.events.EmployeeDeparted;
import dev.staffing.events.EmployeeEvent;
import dev.staffing.events.EmployeeHired;
import dev.staffing.events.EmployeeLeaveScheduled;
import dev.staffing.events.EmployeeProfileChanged;
import dev.staffing.events.ProjectClosed;
import dev.staffing.events.ProjectScheduleChanged;
import dev.staffing.events.ProjectEvent;
import dev.staffing.events.ProjectOpened;
import dev.staffing.events.ProjectSlotsChanged;
import dev.staffing.events.Seniority;
import dev.staffing.events.Slot;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Input events in the words of a scenario. */
final class TestEvents {

    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    private TestEvents() {
    }

    static EmployeeEvent hired(String employeeId, long sequence, String persona, double fte) {
        return employee(employeeId, sequence, EmployeeHired.newBuilder().setPersonas(List.of(persona))
                .setSkills(List.of()).setSeniority(Seniority.SENIOR).setFte(fte)
                .setStartDate(TODAY.minusYears(1)).build());
    }

    static EmployeeEvent departed(String employeeId, long sequence, LocalDate effective) {
        return employee(employeeId, sequence, EmployeeDeparted.newBuilder().setEffectiveDate(effective).build());
    }

    static EmployeeEvent capacityChanged(String employeeId, long sequence, double fte) {
        return employee(employeeId, sequence, EmployeeCapacityChanged.newBuilder().setFte(fte).build());
    }

    static EmployeeEvent hired(String employeeId, long sequence, List<String> personas, List<String> skills,
            Seniority seniority, double fte) {
        return employee(employeeId, sequence, EmployeeHired.newBuilder().setPersonas(personas).setSkills(skills)
                .setSeniority(seniority).setFte(fte).setStartDate(TODAY.minusYears(1)).build());
    }

    static EmployeeEvent profileChanged(String employeeId, long sequence, List<String> personas, List<String> skills) {
        return employee(employeeId, sequence, EmployeeProfileChanged.newBuilder().setPersonas(personas)
                .setSkills(skills).setSeniority(Seniority.SENIOR).build());
    }

    static EmployeeEvent leave(String employeeId, long sequence, LocalDate from, LocalDate to) {
        return employee(employeeId, sequence, EmployeeLeaveScheduled.newBuilder().setFromDate(from).setToDate(to)
                .build());
    }

    static ProjectEvent scheduleChanged(String projectId, long sequence, int priority) {
        return project(projectId, sequence, ProjectScheduleChanged.newBuilder().setPriority(priority)
                .setStartDate(TODAY.minusDays(1)).setEndDate(TODAY.plusMonths(6)).build());
    }

    static ProjectEvent closed(String projectId, long sequence) {
        return project(projectId, sequence, ProjectClosed.newBuilder().setEffectiveDate(TODAY).build());
    }

    static ProjectEvent project(String projectId, long sequence, Object payload) {
        return ProjectEvent.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(Instant.now())
                .setSequence(sequence).setPool("default").setProjectId(projectId).setPayload(payload).build();
    }

    static EmployeeEvent employee(String employeeId, long sequence, Object payload) {
        return EmployeeEvent.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(Instant.now())
                .setSequence(sequence).setPool("default").setEmployeeId(employeeId).setPayload(payload).build();
    }

    static ProjectEvent opened(String projectId, int priority, Slot... slots) {
        return ProjectEvent.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(Instant.now())
                .setSequence(1).setPool("default").setProjectId(projectId)
                .setPayload(ProjectOpened.newBuilder().setName("Project " + projectId).setPriority(priority)
                        .setStartDate(TODAY.minusDays(1)).setEndDate(TODAY.plusMonths(6)).setSlots(List.of(slots))
                        .build())
                .build();
    }

    static ProjectEvent slotsChanged(String projectId, long sequence, Slot... slots) {
        return ProjectEvent.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(Instant.now())
                .setSequence(sequence).setPool("default").setProjectId(projectId)
                .setPayload(ProjectSlotsChanged.newBuilder().setSlots(List.of(slots)).build())
                .build();
    }

    static ProjectEvent opened(String projectId, int priority, LocalDate start, LocalDate end, List<Slot> slots) {
        return project(projectId, 1, ProjectOpened.newBuilder().setName("Project " + projectId).setPriority(priority)
                .setStartDate(start).setEndDate(end).setSlots(slots).build());
    }

    static ProjectEvent scheduleChanged(String projectId, long sequence, int priority, LocalDate start,
            LocalDate end) {
        return project(projectId, sequence, ProjectScheduleChanged.newBuilder().setPriority(priority)
                .setStartDate(start).setEndDate(end).build());
    }

    static Slot slot(String slotId, String persona, int seats, double allocation) {
        return Slot.newBuilder().setSlotId(slotId).setPersona(persona).setSeats(seats).setAllocation(allocation)
                .setRequiredSkills(List.of()).build();
    }
}
