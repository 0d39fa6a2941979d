package dev.staffing.loadbenchmark;

import dev.staffing.events.Seniority;
import java.util.List;

/**
 * What the generator knows of one person, to write the next event about them whole and in sequence.
 *
 * @param sequence the sequence of the last event published about the person
 */
record PersonState(String id, List<String> personas, List<String> skills, Seniority seniority, double fte,
        long sequence) {

    PersonState next(List<String> newPersonas, List<String> newSkills, Seniority newSeniority, double newFte) {
        return new PersonState(id, newPersonas, newSkills, newSeniority, newFte, sequence + 1);
    }

    PersonState next() {
        return next(personas, skills, seniority, fte);
    }

    boolean partTime() {
        return fte < 1.0;
    }
}
