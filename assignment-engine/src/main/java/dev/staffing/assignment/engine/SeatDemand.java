package dev.staffing.assignment.engine;

import java.time.LocalDate;
import java.util.Set;

/**
 * A seat that wants a person. The seats of one slot share persona, requirements, allocation and weight
 * (the service builds them so); the exact engine relies on it and hands any other pool to the simple one.
 *
 * @param allocation FTE per seat in hundredths
 * @param minSeniority lowest accepted seniority rank
 * @param weight how much filling the seat is worth; higher seats are filled first
 * @param neededFrom the day the seat is needed from (the project's start)
 */
public record SeatDemand(SeatKey key, String persona, Set<String> requiredSkills, int minSeniority, int allocation,
        long weight, LocalDate neededFrom) {

    public SeatDemand {
        requiredSkills = Set.copyOf(requiredSkills);
    }
}
