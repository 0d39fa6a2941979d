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
 * there; the first decision after building solves from an empty flow.
 */
final class ExactSolver implements Solver {

    /** Above the most holdings a pool can have, so that keeping a holder never outweighs a seat's weight. */
    static final long KEEP_SCALE = 1L << 24;

    private final PoolModel model;
    private final int allocation;
    private final FlowGraph graph = new FlowGraph();
    private PersonState[] arcPerson = new PersonState[64];
    private SlotState[] arcSlot = new SlotState[64];
    private final Map<SlotState, SlotDemand> seen = new IdentityHashMap<>();
    private final IntList lockedArcs = new IntList();
    private boolean cold = true;

    ExactSolver(PoolModel model, int allocation) {
        this.model = model;
        this.allocation = allocation;
        List<SlotState> slots = model.slots();
        slots.sort(Comparator.naturalOrder());
        for (SlotState slot : slots) {
            slot.node = graph.addNode();
            slot.outArc = graph.addArc(slot.node, FlowGraph.HUB, slot.seats(), 0, 0, 0);
            seen.put(slot, slot.demand);
        }
        List<PersonState> people = new ArrayList<>(model.people.values());
        people.sort(Comparator.comparing(person -> person.id));
        for (PersonState person : people) {
            person.node = -1;
            person.units.clear();
            person.arcBySlot.clear();
            sync(person, false);
        }
        // Slots draw from the hub, so a first solve needs one search per seat, not one per person.
        slots.forEach(slot -> graph.placeBeforeIncoming(slot.node));
    }

    int allocation() {
        return allocation;
    }

    long searchSteps() {
        return graph.searchSteps();
    }

    @Override
    public void personChanged(PersonState person) {
        sync(person, person.node < 0);
    }

    /** Brings the person's node, units and arcs in line with their profile, capacity and availability. */
    private void sync(PersonState person, boolean place) {
        int units = person.isActive() ? person.profile.capacity() / allocation : 0;
        if (units == 0) {
            if (person.node >= 0) {
                new ArrayList<>(person.arcBySlot.keySet()).forEach(slot -> removePersonArc(person, slot));
                for (int i = 0; i < person.units.size(); i++) {
                    graph.removeArc(person.units.get(i));
                }
                person.units.clear();
                graph.removeNode(person.node);
                person.node = -1;
            }
            return;
        }
        if (person.node < 0) {
            person.node = graph.addNode();
        }
        while (person.units.size() > units) {
            int top = person.units.size() - 1;
            graph.removeArc(person.units.get(top));
            person.units.truncate(top);
        }
        while (person.units.size() < units) {
            person.units.add(graph.addArc(FlowGraph.HUB, person.node, 1, 0, person.units.size(), 0));
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
        for (SlotState slot : wanted) {
            if (!person.arcBySlot.containsKey(slot)) {
                addPersonArc(person, slot);
            }
        }
        if (place) {
            graph.placeAfterOutgoing(person.node);
        }
    }

    @Override
    public void slotChanged(SlotState slot) {
        SlotDemand before = seen.put(slot, slot.demand);
        if (slot.node < 0) {
            slot.node = graph.addNode();
            slot.outArc = graph.addArc(slot.node, FlowGraph.HUB, slot.seats(), 0, 0, 0);
            for (PersonState person : model.peopleWith(slot.demand.persona())) {
                if (person.node >= 0 && slot.demand.admits(person.profile)) {
                    addPersonArc(person, slot);
                }
            }
            graph.placeBeforeIncoming(slot.node);
            return;
        }
        graph.setCapacity(slot.outArc, slot.seats());
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
            for (PersonState person : model.peopleWith(slot.demand.persona())) {
                Integer arc = person.arcBySlot.get(slot);
                if (arc != null) {
                    setCost(arc, person, slot, slot.seatOf(person.id) > 0);
                }
            }
        }
    }

    @Override
    public void slotRemoved(SlotState slot) {
        if (slot.node < 0) {
            return;
        }
        for (PersonState person : model.peopleWith(slot.demand.persona())) {
            if (person.arcBySlot.containsKey(slot)) {
                removePersonArc(person, slot);
            }
        }
        graph.removeArc(slot.outArc);
        graph.removeNode(slot.node);
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
        if (graph.flow(arc) > 0) {
            graph.takeFlow(arc, 1);
            graph.takeFlow(topUsedUnit(person), 1);
            graph.takeFlow(slot.outArc, 1);
        }
        setCost(arc, person, slot, false);
    }

    @Override
    public HeldBack decide(ChangeLog log) {
        if (lockedArcs.size() > 0) {
            graph.unlockAll(lockedArcs);
            lockedArcs.clear();
        }
        graph.beginAttempt();
        graph.restore();
        Outcome best = outcome();
        HeldBack held = HeldBack.NONE;
        if (best.moves() > model.settings.churnBudget()) {
            graph.rollback();
            graph.clearFlowChanged();
            keepEveryHolder();
            Outcome within = outcome();
            held = new HeldBack(best.moves(), best.gain() - within.gain());
        }
        graph.commitAttempt();
        apply(log);
        graph.clearFlowChanged();
        cold = false;
        return held;
    }

    /**
     * Solves again with every current holding kept: their arcs first get a bonus above any weight the
     * pool could gain, then, once the flow settled, their usual cost and a lock that stops flow going back
     * over them until the next decision.
     */
    private void keepEveryHolder() {
        long totalWeight = 0;
        List<Integer> holderArcs = new ArrayList<>();
        for (SlotState slot : model.slots()) {
            totalWeight += slot.weight() * slot.seats();
            for (String holder : slot.holders) {
                Integer arc = holder == null ? null : model.people.get(holder).arcBySlot.get(slot);
                if (arc != null) {
                    holderArcs.add(arc);
                }
            }
        }
        long bonus = Math.min((totalWeight + 1) * KEEP_SCALE, 1L << 58);
        for (int arc : holderArcs) {
            graph.setCost(arc, -bonus, 0, 0);
        }
        graph.restore();
        for (int arc : holderArcs) {
            setCost(arc, arcPerson[arc >> 1], arcSlot[arc >> 1], true);
            graph.lockFlow(arc);
            lockedArcs.add(arc);
        }
    }

    /** How many holders the flow moves and how much weight it gains against the holdings. */
    private Outcome outcome() {
        int moves = 0;
        long gain = 0;
        for (PersonSlot pair : changedPairs()) {
            boolean holds = pair.slot().seatOf(pair.person().id) > 0;
            boolean flows = pair.arc() >= 0 && graph.flow(pair.arc()) > 0;
            if (holds && !flows) {
                moves++;
                gain -= pair.slot().weight();
            } else if (!holds && flows) {
                gain += pair.slot().weight();
            }
        }
        return new Outcome(moves, gain);
    }

    /** The person-slot pairs whose flow may differ from the holdings: every holding too after a cold start. */
    private List<PersonSlot> changedPairs() {
        List<PersonSlot> pairs = new ArrayList<>();
        Set<Integer> listed = new HashSet<>();
        IntList changed = graph.flowChanged();
        for (int i = 0; i < changed.size(); i++) {
            int arc = changed.get(i);
            if (arcPerson[arc >> 1] != null && listed.add(arc)) {
                pairs.add(new PersonSlot(arcPerson[arc >> 1], arcSlot[arc >> 1], arc));
            }
        }
        if (cold) {
            for (SlotState slot : model.slots()) {
                for (String holder : slot.holders) {
                    if (holder != null) {
                        PersonState person = model.people.get(holder);
                        Integer arc = person.arcBySlot.get(slot);
                        if (arc == null || listed.add(arc)) {
                            pairs.add(new PersonSlot(person, slot, arc == null ? -1 : arc));
                        }
                    }
                }
            }
        }
        return pairs;
    }

    /** Turns the flow into seats: movers leave first, then newcomers take the lowest free seats, by id. */
    private void apply(ChangeLog log) {
        Map<SlotState, List<PersonState>> newcomers = new IdentityHashMap<>();
        List<PersonSlot> pairs = changedPairs();
        pairs.sort(Comparator.comparing(PersonSlot::slot).thenComparing(pair -> pair.person().id));
        for (PersonSlot pair : pairs) {
            boolean holds = pair.slot().seatOf(pair.person().id) > 0;
            boolean flows = pair.arc() >= 0 && graph.flow(pair.arc()) > 0;
            if (holds && !flows) {
                Holding left = model.vacate(pair.person(), pair.slot());
                log.released(AssignmentChange.released(left, ChangeReason.REBALANCED, "employee " + left.personId()
                        + " released from " + left.seat() + ": a higher total weight of filled seats needs the move"));
                if (pair.arc() >= 0) {
                    setCost(pair.arc(), pair.person(), pair.slot(), false);
                }
            } else if (!holds && flows) {
                newcomers.computeIfAbsent(pair.slot(), key -> new ArrayList<>()).add(pair.person());
                setCost(pair.arc(), pair.person(), pair.slot(), true);
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
                log.assigned(AssignmentChange.assigned(holding, "employee " + person.id + " fills open seat "
                        + holding.seat() + " (" + holding.persona() + ")"));
            }
        }
    }

    private void addPersonArc(PersonState person, SlotState slot) {
        boolean keep = slot.seatOf(person.id) > 0;
        int arc = graph.addArc(person.node, slot.node, 1, cost1(slot, keep), 0,
                IdHash.of(person.id, slot.project.id, slot.slotId));
        person.arcBySlot.put(slot, arc);
        int pair = arc >> 1;
        if (pair >= arcPerson.length) {
            arcPerson = Arrays.copyOf(arcPerson, Math.max(pair + 1, arcPerson.length * 2));
            arcSlot = Arrays.copyOf(arcSlot, arcPerson.length);
        }
        arcPerson[pair] = person;
        arcSlot[pair] = slot;
    }

    private void removePersonArc(PersonState person, SlotState slot) {
        int arc = person.arcBySlot.remove(slot);
        graph.removeArc(arc);
        arcPerson[arc >> 1] = null;
        arcSlot[arc >> 1] = null;
    }

    private void setCost(int arc, PersonState person, SlotState slot, boolean keep) {
        graph.setCost(arc, cost1(slot, keep), 0, IdHash.of(person.id, slot.project.id, slot.slotId));
    }

    private static long cost1(SlotState slot, boolean keep) {
        return -(slot.weight() * KEEP_SCALE + (keep ? 1 : 0));
    }

    private int topUsedUnit(PersonState person) {
        for (int i = person.units.size() - 1; i >= 0; i--) {
            if (graph.flow(person.units.get(i)) > 0) {
                return person.units.get(i);
            }
        }
        throw new IllegalStateException(person.id + " holds a seat but draws no unit");
    }

    private record PersonSlot(PersonState person, SlotState slot, int arc) {
    }

    private record Outcome(int moves, long gain) {
    }
}
