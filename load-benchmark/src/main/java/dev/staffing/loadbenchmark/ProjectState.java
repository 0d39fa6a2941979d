package dev.staffing.loadbenchmark;

import dev.staffing.events.Slot;
import java.time.LocalDate;
import java.util.List;

/**
 * What the generator knows of one project, to write the next event about it whole and in sequence.
 *
 * @param end the last day, or null when open-ended
 * @param sequence the sequence of the last event published about the project
 */
record ProjectState(String id, int priority, LocalDate start, LocalDate end, List<Slot> slots, long sequence) {

    ProjectState next(int newPriority, List<Slot> newSlots) {
        return new ProjectState(id, newPriority, start, end, newSlots, sequence + 1);
    }
}
