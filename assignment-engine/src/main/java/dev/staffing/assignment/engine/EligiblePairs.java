package dev.staffing.assignment.engine;

import java.util.Arrays;

/**
 * The arcs from people to the slots that admit them, without storing them: which person or slot each
 * node of the exact solver's network stands for, and from that, which pairs are eligible and what an arc
 * between them costs. The network keeps an arc only while flow runs on it (a seat held, or about to be);
 * every other eligible pair is found here when a search reaches one of its ends. So the network's memory
 * grows with people and seats, not with the pairs between them, and opening or closing a project touches
 * its slots, not every person they admit.
 *
 * <p>An arc's cost is minus the slot's weight scaled by {@link ExactSolver#KEEP_SCALE}, one less again
 * for the slot's current holder (stability), {@link ExactSolver#PIN_SCALE} less again where a staffing
 * manager pinned the person to the slot, then a fixed hash of the two ids (the tie-break). People the slot
 * excludes are not its pairs at all.
 */
final class EligiblePairs {

    private final PoolModel model;
    private PersonState[] personAt = new PersonState[64];
    private SlotState[] slotAt = new SlotState[64];
    private long[] hashAt = new long[64];

    EligiblePairs(PoolModel model) {
        this.model = model;
    }

    void register(int node, PersonState person) {
        grow(node);
        personAt[node] = person;
        slotAt[node] = null;
        hashAt[node] = IdHash.ofPerson(person.id);
    }

    void register(int node, SlotState slot) {
        grow(node);
        slotAt[node] = slot;
        personAt[node] = null;
        hashAt[node] = IdHash.ofSlot(slot.project.id, slot.slotId);
    }

    void forget(int node) {
        personAt[node] = null;
        slotAt[node] = null;
    }

    PersonState personAt(int node) {
        return node < personAt.length ? personAt[node] : null;
    }

    SlotState slotAt(int node) {
        return node < slotAt.length ? slotAt[node] : null;
    }

    /** Adds to {@code out} the nodes of the slots the person at {@code personNode} is eligible for. */
    void slotsOf(int personNode, IntList out) {
        Candidate profile = personAt[personNode].profile;
        for (String persona : profile.personas()) {
            for (SlotState slot : model.slotsFor(persona)) {
                if (slot.node >= 0 && slot.demand.admits(profile)) {
                    out.add(slot.node);
                }
            }
        }
    }

    /** Adds to {@code out} the nodes of the people the slot at {@code slotNode} admits. */
    void peopleOf(int slotNode, IntList out) {
        SlotDemand demand = slotAt[slotNode].demand;
        for (PersonState person : model.peopleWith(demand.persona())) {
            if (person.node >= 0 && demand.admits(person.profile)) {
                out.add(person.node);
            }
        }
    }

    /** About how many pairs a node has, to choose the side a search starts from; no eligibility test. */
    int estimatedPairs(int node) {
        PersonState person = personAt(node);
        if (person != null) {
            int slots = 0;
            for (String persona : person.profile.personas()) {
                slots += model.slotsFor(persona).size();
            }
            return slots;
        }
        SlotState slot = slotAt(node);
        return slot == null ? 0 : model.peopleWith(slot.demand.persona()).size();
    }

    boolean eligible(int personNode, int slotNode) {
        PersonState person = personAt(personNode);
        SlotState slot = slotAt(slotNode);
        return person != null && slot != null && person.node == personNode && slot.node == slotNode
                && slot.demand.admits(person.profile);
    }

    /** The first component of the arc's cost, as the holdings stand. */
    long cost1(int personNode, int slotNode) {
        SlotState slot = slotAt[slotNode];
        PersonState person = personAt[personNode];
        return cost1(slot, person, person.held.contains(slot));
    }

    long cost3(int personNode, int slotNode) {
        return IdHash.combine(hashAt[personNode], hashAt[slotNode]);
    }

    static long cost1(SlotState slot, PersonState person, boolean keep) {
        return -((slot.demand.pins(person.id) ? ExactSolver.PIN_SCALE : 0) + slot.weight() * ExactSolver.KEEP_SCALE
                + (keep ? 1 : 0));
    }

    private void grow(int node) {
        if (node >= personAt.length) {
            int size = Math.max(node + 1, personAt.length * 2);
            personAt = Arrays.copyOf(personAt, size);
            slotAt = Arrays.copyOf(slotAt, size);
            hashAt = Arrays.copyOf(hashAt, size);
        }
    }
}
