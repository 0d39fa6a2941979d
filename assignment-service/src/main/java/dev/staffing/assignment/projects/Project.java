package dev.staffing.assignment.projects;

import java.time.LocalDate;
import java.util.List;

/**
 * A project of a staffing pool with the slots it needs, as the latest applied project event left it.
 *
 * @param priority 1 (lowest) to 5 (highest)
 * @param lastSequence the per-project sequence of the last applied event
 * @param slots in position order (stored in the project's row, see {@link ProjectSlotsColumn})
 * @param version the optimistic version {@link ProjectStore} checks; null until first stored
 */
public record Project(String id, String pool, String name, int priority, LocalDate startDate, LocalDate endDate,
        boolean closed, long lastSequence, List<ProjectSlot> slots, Long version) {

    public Project {
        slots = List.copyOf(slots);
    }

    public static Project opened(String id, String pool, String name, int priority, LocalDate startDate,
            LocalDate endDate, List<ProjectSlot> slots, long sequence) {
        return new Project(id, pool, name, priority, startDate, endDate, false, sequence, slots, null);
    }

    public Project withSlots(List<ProjectSlot> newSlots, long sequence) {
        return new Project(id, pool, name, priority, startDate, endDate, closed, sequence, newSlots, version);
    }

    public Project withSchedule(int newPriority, LocalDate newStart, LocalDate newEnd, long sequence) {
        return new Project(id, pool, name, newPriority, newStart, newEnd, closed, sequence, slots, version);
    }

    /** Closed, or past its end date: it needs no one any more. */
    public boolean isOver(LocalDate today) {
        return closed || (endDate != null && endDate.isBefore(today));
    }

    public Project asClosed(LocalDate effectiveDate, long sequence) {
        LocalDate end = endDate == null || effectiveDate.isBefore(endDate) ? effectiveDate : endDate;
        return new Project(id, pool, name, priority, startDate, end, true, sequence, slots, version);
    }
}
