package dev.staffing.assignment.engine;

import java.util.Set;

/**
 * A slot of a project: {@code seats} seats for one persona, each taking {@code allocation} of a person,
 * with the overrides a staffing manager set on it.
 *
 * @param allocation FTE per seat in hundredths
 * @param minSeniority lowest accepted seniority rank
 * @param weight how much filling one seat is worth (project priority times persona criticality)
 * @param pinned ids of people a staffing manager pinned to this slot: each keeps a seat of it whenever
 *     eligible, available and with the capacity, above every other consideration
 * @param excluded ids of people a staffing manager excluded from this slot (the service puts a project's
 *     exclusions on every slot of the project): never seated here
 */
public record SlotDemand(String slotId, String persona, int seats, int allocation, Set<String> requiredSkills,
        int minSeniority, long weight, Set<String> pinned, Set<String> excluded) {

    /** Far above any priority times criticality, and low enough that sums of weights never overflow. */
    public static final long MAX_WEIGHT = 1_000_000;

    public SlotDemand {
        requiredSkills = Set.copyOf(requiredSkills);
        pinned = Set.copyOf(pinned);
        excluded = Set.copyOf(excluded);
        if (seats < 0) {
            throw new IllegalArgumentException("slot " + slotId + " has " + seats + " seats");
        }
        if (allocation <= 0 || allocation > 100) {
            throw new IllegalArgumentException("slot " + slotId + " allocation must be 1..100 hundredths, was "
                    + allocation);
        }
        if (weight < 0 || weight > MAX_WEIGHT) {
            throw new IllegalArgumentException("slot " + slotId + " weight out of range: " + weight);
        }
        for (String person : pinned) {
            if (excluded.contains(person)) {
                throw new IllegalArgumentException("slot " + slotId + " both pins and excludes person " + person);
            }
        }
    }

    /** A slot without overrides. */
    public SlotDemand(String slotId, String persona, int seats, int allocation, Set<String> requiredSkills,
            int minSeniority, long weight) {
        this(slotId, persona, seats, allocation, requiredSkills, minSeniority, weight, Set.of(), Set.of());
    }

    /** Whether a person with this profile may sit in the slot (availability aside): qualified and not excluded. */
    boolean admits(Candidate person) {
        return person.personas().contains(persona) && admitsHolderOfPersona(person);
    }

    /** Persona, skills and seniority alone, whatever a staffing manager excluded. */
    boolean qualifies(Candidate person) {
        return person.personas().contains(persona) && qualifiesBesidesPersona(person);
    }

    /**
     * {@link #admits} for a person known to hold the slot's persona (one of the people the model keeps under
     * it): the searches over those people, the hottest loops of a decision, skip asking again.
     */
    boolean admitsHolderOfPersona(Candidate person) {
        return hasRequiredSkills(person) && admitsSkilledHolderOfPersona(person);
    }

    /** {@link #admitsHolderOfPersona} for a person known to have every required skill. */
    boolean admitsSkilledHolderOfPersona(Candidate person) {
        return person.seniority() >= minSeniority && (excluded.isEmpty() || !excluded.contains(person.id()));
    }

    private boolean qualifiesBesidesPersona(Candidate person) {
        return person.seniority() >= minSeniority && hasRequiredSkills(person);
    }

    private boolean hasRequiredSkills(Candidate person) {
        return requiredSkills.isEmpty() || person.skills().containsAll(requiredSkills);
    }

    /** Same persona, skills, seniority and exclusions: the same people are admitted. */
    boolean sameRequirements(SlotDemand other) {
        return persona.equals(other.persona) && requiredSkills.equals(other.requiredSkills)
                && minSeniority == other.minSeniority && excluded.equals(other.excluded);
    }

    boolean pins(String personId) {
        return pinned.contains(personId);
    }
}
