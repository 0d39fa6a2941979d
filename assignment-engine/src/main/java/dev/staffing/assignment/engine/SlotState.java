package dev.staffing.assignment.engine;

import java.time.LocalDate;
import java.util.Arrays;

/** A slot and who sits in each of its seats. */
final class SlotState implements Comparable<SlotState> {

    final ProjectState project;
    final String slotId;
    SlotDemand demand;
    /** The demand's required skills as {@link SkillBits} of the pool, and whether each of them has a bit. */
    private long requiredSkills;
    private boolean requiredSkillsAllHaveBits;
    /** Holder of seat n at index n - 1, or null. */
    String[] holders;
    /** When each holder got the seat, as an increasing number. */
    long[] orders;
    /** Active people the slot admits (persona, skills, seniority), whatever their capacity. */
    int admittedActive;

    // Kept by the exact solver.
    int node = -1;
    int outArc = -1;

    SlotState(ProjectState project, SlotDemand demand, SkillBits bits) {
        this.project = project;
        this.slotId = demand.slotId();
        setDemand(demand, bits);
        this.holders = new String[demand.seats()];
        this.orders = new long[demand.seats()];
    }

    void setDemand(SlotDemand demand, SkillBits bits) {
        this.demand = demand;
        this.requiredSkills = bits.maskOf(demand.requiredSkills());
        this.requiredSkillsAllHaveBits = bits.allHaveBits(demand.requiredSkills());
    }

    /** {@link SlotDemand#admitsHolderOfPersona}, with the skills compared by mask where it can. */
    boolean admitsHolderOfPersona(PersonState person) {
        return hasRequiredSkills(person) && demand.admitsSkilledHolderOfPersona(person.profile);
    }

    private boolean hasRequiredSkills(PersonState person) {
        if ((requiredSkills & ~person.skills) != 0) {
            return false;
        }
        return requiredSkillsAllHaveBits || person.profile.skills().containsAll(demand.requiredSkills());
    }

    SeatKey seatKey(int seat) {
        return new SeatKey(project.id, slotId, seat);
    }

    int seats() {
        return holders.length;
    }

    /** The seat {@code personId} holds, from 1, or 0. */
    int seatOf(String personId) {
        for (int i = 0; i < holders.length; i++) {
            if (personId.equals(holders[i])) {
                return i + 1;
            }
        }
        return 0;
    }

    void resize(int seats) {
        holders = Arrays.copyOf(holders, seats);
        orders = Arrays.copyOf(orders, seats);
    }

    long weight() {
        return demand.weight();
    }

    /** The day a seat is needed from: the project's start, or today once it has started. */
    LocalDate effectiveDate(LocalDate today) {
        return project.demand.start().isAfter(today) ? project.demand.start() : today;
    }

    Holding holding(int seat) {
        return new Holding(seatKey(seat), holders[seat - 1], demand.persona(), demand.allocation(), orders[seat - 1]);
    }

    @Override
    public int compareTo(SlotState other) {
        int byProject = project.id.compareTo(other.project.id);
        return byProject != 0 ? byProject : slotId.compareTo(other.slotId);
    }
}
