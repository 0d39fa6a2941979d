package dev.staffing.assignment.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A person as the engine keeps them between decisions: profile, availability today, the seats they hold. */
final class PersonState {

    final String id;
    Candidate profile;
    /** The profile's skills as {@link SkillBits} of the pool. */
    long skills;
    Availability availability = Availability.ACTIVE;
    /** The slots the person holds a seat of (one seat per slot at most). */
    final List<SlotState> held = new ArrayList<>();
    /** Hundredths of FTE taken by the seats held. */
    int used;

    // Kept by the exact solver.
    int node = -1;
    final IntList units = new IntList();
    /** The profile the solver last brought the person's pairs in line with. */
    Candidate solvedProfile;

    PersonState(Candidate profile, SkillBits bits) {
        this.id = profile.id();
        setProfile(profile, bits);
    }

    void setProfile(Candidate profile, SkillBits bits) {
        this.profile = profile;
        this.skills = bits.maskOf(profile.skills());
    }

    boolean isActive() {
        return availability == Availability.ACTIVE;
    }

    int remaining() {
        return profile.capacity() - used;
    }

    /** Active and admitted by the slot's persona, skills and seniority. */
    boolean eligibleFor(SlotState slot) {
        return isActive() && profile.personas().contains(slot.demand.persona()) && slot.admitsHolderOfPersona(this);
    }

    /** {@link #eligibleFor}, for someone the model keeps under the slot's persona. */
    boolean eligibleAsHolderOfPersona(SlotState slot) {
        return isActive() && slot.admitsHolderOfPersona(this);
    }

    String availabilityNote(LocalDate today) {
        return profile.availabilityNote(today);
    }

    Optional<Absence> nextAbsence(LocalDate today) {
        return profile.nextAbsenceAfter(today);
    }
}
