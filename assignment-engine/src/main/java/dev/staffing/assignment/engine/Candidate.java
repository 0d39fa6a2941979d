package dev.staffing.assignment.engine;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A person of a staffing pool as the engine sees them: what they can do, how much of their time they
 * give, and when they are away. Whether they can work on a given day follows from the absences, so the
 * engine acts on a departure or leave when its day comes, without a new event.
 *
 * @param capacity FTE in hundredths (100 = full time)
 * @param seniority rank, higher is more senior
 * @param absences departures and leaves, past, present and future
 */
public record Candidate(String id, Set<String> personas, Set<String> skills, int seniority, int capacity,
        List<Absence> absences) {

    public Candidate {
        personas = Set.copyOf(personas);
        skills = Set.copyOf(skills);
        absences = absences.stream().sorted(Comparator.comparing(Absence::from)).toList();
        if (capacity < 0 || capacity > 100) {
            throw new IllegalArgumentException("capacity of " + id + " must be 0..100 hundredths, was " + capacity);
        }
    }

    /** An active person with no absences. */
    public Candidate(String id, Set<String> personas, Set<String> skills, int seniority, int capacity) {
        this(id, personas, skills, seniority, capacity, List.of());
    }

    /** Same personas, skills and seniority: the same slots admit them. */
    boolean sameEligibility(Candidate other) {
        return personas.equals(other.personas) && skills.equals(other.skills) && seniority == other.seniority;
    }

    /** Whether the person works on {@code day}: departed wins over a leave. */
    public Availability availabilityOn(LocalDate day) {
        Availability availability = Availability.ACTIVE;
        for (Absence absence : absences) {
            if (absence.covers(day)) {
                if (absence.kind() == Availability.DEPARTED) {
                    return Availability.DEPARTED;
                }
                availability = Availability.ON_LEAVE;
            }
        }
        return availability;
    }

    /** The absence that keeps the person away on {@code day}, departure first. */
    Optional<Absence> absenceOn(LocalDate day) {
        return absences.stream().filter(absence -> absence.covers(day))
                .min(Comparator.comparing((Absence absence) -> absence.kind() != Availability.DEPARTED));
    }

    /** The first absence that has not begun on {@code day}. */
    Optional<Absence> nextAbsenceAfter(LocalDate day) {
        return absences.stream().filter(absence -> absence.from().isAfter(day)).findFirst();
    }

    /** Why the person cannot work on {@code day}, in words with ids and dates only; empty when active. */
    String availabilityNote(LocalDate day) {
        return absenceOn(day).map(Absence::describe).orElse("");
    }
}
