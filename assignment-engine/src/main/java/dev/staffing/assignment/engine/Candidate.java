package dev.staffing.assignment.engine;

import java.util.Set;

/**
 * A person as the engine sees them on the day of the decision.
 *
 * @param capacity FTE in hundredths (100 = full time)
 * @param seniority rank, higher is more senior
 * @param availabilityNote why the person is unavailable, in words with ids and dates only; empty when active
 */
public record Candidate(String id, Set<String> personas, Set<String> skills, int seniority, int capacity,
        Availability availability, String availabilityNote) {

    public Candidate {
        personas = Set.copyOf(personas);
        skills = Set.copyOf(skills);
    }

    boolean isActive() {
        return availability == Availability.ACTIVE;
    }
}
