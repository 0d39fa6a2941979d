package dev.staffing.assignment.engine;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A project of a staffing pool and the slots it needs.
 *
 * @param start the day its seats are needed from
 * @param end its last day; {@link LocalDate#MAX} when open-ended. After it, the project is over and
 *     releases its people as a closed one does.
 */
public record ProjectDemand(String id, LocalDate start, LocalDate end, List<SlotDemand> slots) {

    public ProjectDemand {
        slots = List.copyOf(slots);
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("project " + id + " ends " + end + " before it starts " + start);
        }
        Set<String> ids = new HashSet<>();
        for (SlotDemand slot : slots) {
            if (!ids.add(slot.slotId())) {
                throw new IllegalArgumentException("project " + id + " names slot " + slot.slotId() + " twice");
            }
        }
    }

    boolean isOver(LocalDate day) {
        return end.isBefore(day);
    }
}
