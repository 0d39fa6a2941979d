package dev.staffing.assignment.engine;

import java.util.Set;
import java.util.TreeSet;

/** The brief's eligibility rule: active, holds the persona, holds every required skill, senior enough. */
final class Eligibility {

    private Eligibility() {
    }

    static boolean qualifies(Candidate person, SeatDemand seat) {
        return person.personas().contains(seat.persona())
                && person.skills().containsAll(seat.requiredSkills())
                && person.seniority() >= seat.minSeniority();
    }

    static boolean eligible(Candidate person, SeatDemand seat) {
        return person.isActive() && qualifies(person, seat);
    }

    /** The required skills the person lacks, sorted. */
    static Set<String> missingSkills(Candidate person, SeatDemand seat) {
        Set<String> missing = new TreeSet<>(seat.requiredSkills());
        missing.removeAll(person.skills());
        return missing;
    }
}
