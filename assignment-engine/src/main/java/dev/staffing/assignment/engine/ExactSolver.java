package dev.staffing.assignment.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The exact solver, for pools whose seats all ask for one allocation: a weighted b-matching, kept as a
 * minimum-cost circulation through a hub. Each person draws {@code capacity / allocation} units from
 * the hub, the k-th costing k (spreading load); an arc from a person to each slot that admits them costs
 * minus the slot's weight, one less again for the slot's current holders (stability), plus a fixed hash
 * of the two ids (the tie-break); each slot returns up to its seat count to the hub. The least-cost
 * circulation fills (1) the most weight, (2) among those, keeps the most holders, so no one moves unless
 * that fills more weight, (3) spreads seats over people, (4) breaks what is left by the hash.
 *
 * <p>Each change touches only its own arcs, and {@link FlowGraph#restore()} repairs the optimum from
 * there; the first decision after building solves from an empty flow. {@link ChurnBudget} decides
 * whether the optimum may be taken.
 */
final class ExactSolver implements Solver {

    /** Above the most holdings a pool can have, so that keeping a holder never outweighs a seat's weight. */
    static final long KEEP_SCALE = 1L << 24;

    /** A person gaining more arcs than this at once is placed again, rather than each arc being repaired. */
    private static final int REPLACE_AFTER_NEW_ARCS = 4;

    private final PoolModel model;
    private final int allocation;
    private final FlowGraphs graphs = new FlowGraphs();
    private final ChurnBudget churnBudget;
    private PersonState[] arcPerson = new PersonState[64];
    private SlotState[] arcSlot = new SlotState[64];
    /** Where each person-slot arc stands in its slot's {@link SlotState#inArcs}. */
    private int[] indexInSlot = new int[64];
    private final Map<SlotState, SlotDemand> seen = new IdentityHashMap<>();

    ExactSolver(PoolModel model, int allocation) {
        this.model = model;
        this.allocation = allocation;
        this.churnBudget = new ChurnBudget(this, graphs, model);
        List<SlotState> slots = model.slots();
        slots.sort(Comparator.naturalOrder());
        for (SlotState slot : slots) {
            slot.inArcs.clear();
            slot.node = graphs.addNode();
            slot.outArc = graphs.addArc(slot.node, FlowGraph.HUB, slot.seats(), 0, 0, 0);
            seen.put(slot, slot.demand);
        }
        List<PersonState> people = new ArrayList<>(model.people.values());
        people.sort(Comparator.comparing(person -> person.id));
        for (PersonState person : people) {
            person.node = -1;
            person.units.clear();
            person.arcBySlot.clear();
            sync(person, Placement.NEVER);
        }
        // Slots draw from the hub, so a first solve sends one surplus (the hub's) to the slots, phase by phase.
        slots.forEach(slot -> graphs.placeBeforeIncoming(slot.node));
    }

    int allocation() {
        return allocation;
    }

    @Override
    public void personChanged(PersonState person) {
        sync(person, person.node < 0 ? Placement.ALWAYS : Placement.WHEN_MANY_ARCS_ARE_NEW);
    }

    /** Whether a person's node gets the potential that suits its arcs: never while the graph is built. */
    private enum Placement {
        NEVER,
        ALWAYS,
        WHEN_MANY_ARCS_ARE_NEW
    }

    /** Brings the person's node, units and arcs in line with their profile, capacity and availability. */
    private void sync(PersonState person, Placement placement) {
        int units = person.isActive() ? person.profile.capacity() / allocation : 0;
        if (units == 0) {
            if (person.node >= 0) {
                new ArrayList<>(person.arcBySlot.keySet()).forEach(slot -> removePersonArc(person, slot));
                for (int i = 0; i < person.units.size(); i++) {
                    graphs.removeArc(person.units.get(i));
                }
                person.units.clear();
                graphs.removeNode(person.node);
                person.node = -1;
            }
            return;
        }
        if (person.node < 0) {
            person.node = graphs.addNode();
        }
        while (person.units.size() > units) {
            int top = person.units.size() - 1;
            graphs.removeArc(person.units.get(top));
            person.units.truncate(top);
        }
        while (person.units.size() < units) {
            person.units.add(graphs.addArc(FlowGraph.HUB, person.node, 1, 0, person.units.size(), 0));
        }
        Set<SlotState> wanted = Collections.newSetFromMap(new IdentityHashMap<>());
        for (String persona : person.profile.personas()) {
            for (SlotState slot : model.slotsFor(persona)) {
                if (slot.node >= 0 && slot.demand.admits(person.profile)) {
                    wanted.add(slot);
                }
            }
        }
        for (SlotState slot : new ArrayList<>(person.arcBySlot.keySet())) {
            if (!wanted.contains(slot)) {
                removePersonArc(person, slot);
            }
        }
        int added = 0;
        for (SlotState slot : wanted) {
            if (!person.arcBySlot.containsKey(slot)) {
                addPersonArc(person, slot);
                added++;
            }
        }
        if (placement == Placement.ALWAYS
                || (placement == Placement.WHEN_MANY_ARCS_ARE_NEW && added > REPLACE_AFTER_NEW_ARCS)) {
            graphs.placeAfterOutgoing(person.node);
        }
    }

    @Override
    public void slotChanged(SlotState slot) {
        SlotDemand before = seen.put(slot, slot.demand);
        if (slot.node < 0) {
            slot.node = graphs.addNode();
            slot.outArc = graphs.addArc(slot.node, FlowGraph.HUB, slot.seats(), 0, 0, 0);
            for (PersonState person : model.peopleWith(slot.demand.persona())) {
                if (person.node >= 0 && slot.demand.admits(person.profile)) {
                    addPersonArc(person, slot);
                }
            }
            graphs.placeBeforeIncoming(slot.node);
            return;
        }
        graphs.setCapacity(slot.outArc, slot.seats());
        if (!before.sameRequirements(slot.demand)) {
            Set<PersonState> concerned = new HashSet<>(model.peopleWith(before.persona()));
            concerned.addAll(model.peopleWith(slot.demand.persona()));
            for (PersonState person : concerned) {
                boolean admitted = person.node >= 0 && slot.demand.admits(person.profile);
                if (admitted && !person.arcBySlot.containsKey(slot)) {
                    addPersonArc(person, slot);
                } else if (!admitted && person.arcBySlot.containsKey(slot)) {
                    removePersonArc(person, slot);
                }
            }
        }
        if (before.weight() != slot.demand.weight()) {
            // Every arc into the slot changes cost alike: move the slot's potential with them instead of
            // re-checking each arc, so a priority change costs a few searches, not one per eligible person.
            graphs.shiftIncomingCosts(slot.node, slot.inArcs, -(slot.demand.weight() - before.weight()) * KEEP_SCALE,
                    0, 0);
        }
    }

    @Override
    public void slotRemoved(SlotState slot) {
        if (slot.node < 0) {
            return;
        }
        while (slot.inArcs.size() > 0) {
            int arc = slot.inArcs.get(slot.inArcs.size() - 1);
            removePersonArc(arcPerson[arc >> 1], slot);
        }
        graphs.removeArc(slot.outArc);
        graphs.removeNode(slot.node);
        slot.node = -1;
        slot.outArc = -1;
        seen.remove(slot);
    }

    @Override
    public void released(PersonState person, SlotState slot) {
        Integer arc = person.arcBySlot.get(slot);
        if (arc == null) {
            return;
        }
        graphs.cancelSeat(arc, person.units, slot.outArc);
        setKeep(arc, false);
    }

    @Override
    public HeldBack decide(ChangeLog log) {
        HeldBack held = churnBudget.settle();
        apply(log);
        graphs.live.clearFlowChanged();
        churnBudget.decided();
        return held;
    }

    // ---- what ChurnBudget needs ---------------------------------------------------------------------

    /** The person-slot pairs whose live flow may differ from the holdings: every holding too on a cold start. */
    List<PersonSlot> changedPairs(boolean everyHolding) {
        List<PersonSlot> pairs = new ArrayList<>();
        Set<Integer> listed = new HashSet<>();
        IntList changed = graphs.live.flowChanged();
        for (int i = 0; i < changed.size(); i++) {
            int arc = changed.get(i);
            if (arcPerson[arc >> 1] != null && listed.add(arc)) {
                pairs.add(new PersonSlot(arcPerson[arc >> 1], arcSlot[arc >> 1], arc));
            }
        }
        if (everyHolding) {
            forEachHolding((person, slot, arc) -> {
                if (arc < 0 || listed.add(arc)) {
                    pairs.add(new PersonSlot(person, slot, arc));
                }
            });
        }
        return pairs;
    }

    /** Calls {@code action} with every holder, the slot and the holder's arc to it (-1 if there is none). */
    void forEachHolding(HoldingAction action) {
        for (SlotState slot : model.slots()) {
            for (String holder : slot.holders) {
                if (holder != null) {
                    PersonState person = model.people.get(holder);
                    Integer arc = person.arcBySlot.get(slot);
                    action.accept(person, slot, arc == null ? -1 : arc);
                }
            }
        }
    }

    /** The lowest unit the person draws no flow on, in {@code graph}. */
    int lowestFreeUnit(FlowGraph graph, PersonState person) {
        for (int i = 0; i < person.units.size(); i++) {
            if (graph.flow(person.units.get(i)) == 0) {
                return person.units.get(i);
            }
        }
        throw new IllegalStateException(person.id + " holds more seats than their capacity allows");
    }

    // ---- turning the flow into seats -------------------------------------------------------------------

    /** Movers leave first, then newcomers take the lowest free seats, by id. */
    private void apply(ChangeLog log) {
        Map<SlotState, List<PersonState>> newcomers = new IdentityHashMap<>();
        List<PersonSlot> pairs = changedPairs(churnBudget.isCold());
        pairs.sort(Comparator.comparing(PersonSlot::slot).thenComparing(pair -> pair.person().id));
        for (PersonSlot pair : pairs) {
            boolean holds = pair.slot().seatOf(pair.person().id) > 0;
            boolean flows = pair.arc() >= 0 && graphs.live.flow(pair.arc()) > 0;
            if (holds && !flows) {
                Holding left = model.vacate(pair.person(), pair.slot());
                log.released(AssignmentChange.released(left, ChangeReason.REBALANCED, "employee " + left.personId()
                        + " released from " + left.seat() + ": a higher total weight of filled seats needs the move"));
                if (pair.arc() >= 0) {
                    setKeep(pair.arc(), false);
                }
            } else if (!holds && flows) {
                newcomers.computeIfAbsent(pair.slot(), key -> new ArrayList<>()).add(pair.person());
                setKeep(pair.arc(), true);
            }
        }
        List<SlotState> filled = new ArrayList<>(newcomers.keySet());
        filled.sort(Comparator.naturalOrder());
        for (SlotState slot : filled) {
            List<PersonState> people = newcomers.get(slot);
            people.sort(Comparator.comparing(person -> person.id));
            int seat = 1;
            for (PersonState person : people) {
                while (slot.holders[seat - 1] != null) {
                    seat++;
                }
                model.occupy(person, slot, seat, model.nextOrder);
                Holding holding = slot.holding(seat);
                churnBudget.newHolder(person.arcBySlot.get(slot));
                log.assigned(AssignmentChange.assigned(holding, "employee " + person.id + " fills open seat "
                        + holding.seat() + " (" + holding.persona() + ")"));
            }
        }
    }

    private void addPersonArc(PersonState person, SlotState slot) {
        boolean keep = slot.seatOf(person.id) > 0;
        int arc = graphs.addArc(person.node, slot.node, 1, cost1(slot, keep), 0, tieBreak(person, slot));
        person.arcBySlot.put(slot, arc);
        int pair = arc >> 1;
        if (pair >= arcPerson.length) {
            arcPerson = Arrays.copyOf(arcPerson, Math.max(pair + 1, arcPerson.length * 2));
            arcSlot = Arrays.copyOf(arcSlot, arcPerson.length);
        }
        if (pair >= indexInSlot.length) {
            indexInSlot = Arrays.copyOf(indexInSlot, Math.max(pair + 1, indexInSlot.length * 2));
        }
        arcPerson[pair] = person;
        arcSlot[pair] = slot;
        indexInSlot[pair] = slot.inArcs.size();
        slot.inArcs.add(arc);
    }

    private void removePersonArc(PersonState person, SlotState slot) {
        int arc = person.arcBySlot.remove(slot);
        graphs.removeArc(arc);
        int at = indexInSlot[arc >> 1];
        if (at < slot.inArcs.size() - 1) {
            int moved = slot.inArcs.removeAt(at);
            indexInSlot[moved >> 1] = at;
        } else {
            slot.inArcs.truncate(at);
        }
        arcPerson[arc >> 1] = null;
        arcSlot[arc >> 1] = null;
    }

    /** Gives or takes away the holder's bonus on an arc: its flow then stays optimal, so nothing is checked. */
    private void setKeep(int arc, boolean keep) {
        PersonState person = arcPerson[arc >> 1];
        SlotState slot = arcSlot[arc >> 1];
        graphs.setCost(arc, cost1(slot, keep), 0, tieBreak(person, slot));
    }

    private static long tieBreak(PersonState person, SlotState slot) {
        return IdHash.of(person.id, slot.project.id, slot.slotId);
    }

    private static long cost1(SlotState slot, boolean keep) {
        return -(slot.weight() * KEEP_SCALE + (keep ? 1 : 0));
    }

    record PersonSlot(PersonState person, SlotState slot, int arc) {
    }

    @FunctionalInterface
    interface HoldingAction {
        void accept(PersonState person, SlotState slot, int arc);
    }
}
