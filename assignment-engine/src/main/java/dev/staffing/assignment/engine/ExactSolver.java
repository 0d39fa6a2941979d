package dev.staffing.assignment.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The exact solver, for pools whose seats all ask for one allocation: a weighted b-matching, kept as a
 * minimum-cost circulation through a hub. Each person draws {@code capacity / allocation} units from
 * the hub, the k-th costing k (spreading load); an arc from a person to each slot that admits them costs
 * minus the slot's weight, one less again for the slot's current holders (stability), plus a fixed hash
 * of the two ids (the tie-break); each slot returns up to its seat count to the hub. A pair a staffing
 * manager pinned costs {@link #PIN_SCALE} less again; a person the slot excludes has no arc to it. The
 * least-cost circulation (0) honours the most pins, then fills (1) the most weight, (2) among those,
 * keeps the most holders, so no one moves unless that fills more weight, (3) spreads seats over people,
 * (4) breaks what is left by the hash.
 *
 * <p>Person-slot arcs are not stored but found from the eligible pairs when a search reaches them
 * ({@link EligiblePairs}); the graph stores one only while flow runs on it. Each change touches only its
 * own arcs, and {@link FlowGraph#restore()} repairs the optimum from
 * there; the first decision after building solves from an empty flow. {@link ChurnBudget} decides
 * whether the optimum may be taken.
 */
final class ExactSolver implements Solver {

    /** Above the most holdings a pool can have, so that keeping a holder never outweighs a seat's weight. */
    static final long KEEP_SCALE = 1L << 24;

    /**
     * Above what anything but a pin can change on one cycle of the flow, so that honouring one more pin
     * always outweighs the rest. A simple cycle passes the hub once, so it fills at most one seat and
     * empties at most one (its arcs in and out of every other slot cancel their weights): it changes the
     * filled weight by at most {@link SlotDemand#MAX_WEIGHT}, scaled by {@link #KEEP_SCALE}, and the
     * holders it keeps by fewer than {@code KEEP_SCALE}. About 2^44, so a pinned arc costs less than
     * 2^46 in magnitude, within the range the potentials are kept in ({@link FlowGraph}).
     */
    static final long PIN_SCALE = (SlotDemand.MAX_WEIGHT + 1) * KEEP_SCALE;

    /** A person admitted to more slots than this at once is placed again, rather than each pair being repaired. */
    private static final int REPLACE_AFTER_NEW_PAIRS = 4;

    private final PoolModel model;
    private final int allocation;
    private final EligiblePairs pairs;
    private final FlowGraphs graphs;
    private final ChurnBudget churnBudget;
    private final Map<SlotState, SlotDemand> seen = new IdentityHashMap<>();

    ExactSolver(PoolModel model, int allocation) {
        this.model = model;
        this.allocation = allocation;
        this.pairs = new EligiblePairs(model);
        this.graphs = new FlowGraphs(pairs);
        this.churnBudget = new ChurnBudget(this, graphs, model);
        List<SlotState> slots = model.slots();
        slots.sort(Comparator.naturalOrder());
        for (SlotState slot : slots) {
            addSlotNode(slot);
            seen.put(slot, slot.demand);
        }
        List<PersonState> people = new ArrayList<>(model.people.values());
        people.sort(Comparator.comparing(person -> person.id));
        for (PersonState person : people) {
            person.node = -1;
            person.units.clear();
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
        sync(person, person.node < 0 ? Placement.ALWAYS : Placement.WHEN_MANY_PAIRS_ARE_NEW);
    }

    /** Whether a person's node gets the potential that suits its arcs: never while the graph is built. */
    private enum Placement {
        NEVER,
        ALWAYS,
        WHEN_MANY_PAIRS_ARE_NEW
    }

    /** Brings the person's node, units and pairs in line with their profile, capacity and availability. */
    private void sync(PersonState person, Placement placement) {
        int units = person.isActive() ? person.profile.capacity() / allocation : 0;
        if (units == 0) {
            if (person.node >= 0) {
                graphs.removePairArcs(person.node);
                for (int i = 0; i < person.units.size(); i++) {
                    graphs.removeArc(person.units.get(i));
                }
                person.units.clear();
                graphs.removeNode(person.node);
                pairs.forget(person.node);
                person.node = -1;
            }
            person.solvedProfile = null;
            return;
        }
        boolean placed = person.node < 0;
        if (placed) {
            person.node = graphs.addNode(FlowNetwork.PERSON);
            pairs.register(person.node, person);
        }
        while (person.units.size() > units) {
            int top = person.units.size() - 1;
            graphs.removeArc(person.units.get(top));
            person.units.truncate(top);
        }
        while (person.units.size() < units) {
            person.units.add(graphs.addArc(FlowGraph.HUB, person.node, 1, 0, person.units.size(), 0));
        }
        Candidate before = person.solvedProfile;
        person.solvedProfile = person.profile;
        if (placement == Placement.NEVER) {
            return;
        }
        if (placement == Placement.ALWAYS || placed) {
            graphs.placeAfterOutgoing(person.node);
        } else if (!before.sameEligibility(person.profile)) {
            graphs.pairsChanged(person.node);
            if (newlyAdmitting(before, person.profile) > REPLACE_AFTER_NEW_PAIRS) {
                graphs.placeAfterOutgoing(person.node);
            }
        }
    }

    /** How many slots admit the person as they are now and did not as they were. */
    private int newlyAdmitting(Candidate before, Candidate now) {
        int count = 0;
        for (String persona : now.personas()) {
            for (SlotState slot : model.slotsFor(persona)) {
                if (slot.node >= 0 && slot.demand.admits(now) && !slot.demand.admits(before)) {
                    count++;
                }
            }
        }
        return count;
    }

    private void addSlotNode(SlotState slot) {
        slot.node = graphs.addNode(FlowNetwork.SLOT);
        pairs.register(slot.node, slot);
        slot.outArc = graphs.addArc(slot.node, FlowGraph.HUB, slot.seats(), 0, 0, 0);
    }

    @Override
    public void slotChanged(SlotState slot) {
        SlotDemand before = seen.put(slot, slot.demand);
        if (slot.node < 0) {
            addSlotNode(slot);
            graphs.placeBeforeIncoming(slot.node);
            return;
        }
        graphs.setCapacity(slot.outArc, slot.seats());
        if (!before.sameRequirements(slot.demand)) {
            graphs.pairsChanged(slot.node);
        }
        if (!before.pinned().equals(slot.demand.pinned())) {
            repin(slot, before);
        }
        if (before.weight() != slot.demand.weight()) {
            // Every arc into the slot changes cost alike: move the slot's potential with them instead of
            // re-checking each arc, so a priority change costs a few searches, not one per eligible person.
            graphs.shiftIncomingCosts(slot.node, -(slot.demand.weight() - before.weight()) * KEEP_SCALE, 0, 0);
        }
    }

    /**
     * The slot's pins changed: the pairs of people pinned or unpinned now cost what the pins say. A pair
     * made cheaper is stored and checked at the next restore; one made dearer is re-checked where stored
     * (its flow may then leave), and needs nothing where implicit.
     */
    private void repin(SlotState slot, SlotDemand before) {
        Set<String> changed = new TreeSet<>(before.pinned());
        changed.addAll(slot.demand.pinned());
        for (String id : changed) {
            PersonState person = model.people.get(id);
            if (person != null && before.pins(id) != slot.demand.pins(id) && eligible(person, slot)) {
                graphs.setPairCost(person.node, slot.node, EligiblePairs.cost1(slot, person, person.held.contains(slot)),
                        pairs.cost3(person.node, slot.node), slot.demand.pins(id));
            }
        }
    }

    @Override
    public void slotRemoved(SlotState slot) {
        if (slot.node < 0) {
            return;
        }
        graphs.removePairArcs(slot.node);
        graphs.removeArc(slot.outArc);
        graphs.removeNode(slot.node);
        pairs.forget(slot.node);
        slot.node = -1;
        slot.outArc = -1;
        seen.remove(slot);
    }

    @Override
    public void released(PersonState person, SlotState slot) {
        if (person.node < 0 || slot.node < 0) {
            return;
        }
        graphs.cancelSeat(person.node, slot.node, person.units, slot.outArc);
        setKeep(person, slot, false);
    }

    @Override
    public HeldBack decide(ChangeLog log) {
        HeldBack held = churnBudget.settle();
        apply(log);
        graphs.live.clearFlowChanged();
        graphs.tidyPairArcs();
        churnBudget.decided();
        return held;
    }

    int storedPairArcs() {
        return graphs.live.storedPairArcs();
    }

    // ---- what ChurnBudget needs ---------------------------------------------------------------------

    /** The person-slot pairs whose live flow may differ from the holdings: every holding too on a cold start. */
    List<PersonSlot> changedPairs(boolean everyHolding) {
        List<PersonSlot> changed = new ArrayList<>();
        Set<Integer> listed = new HashSet<>();
        FlowGraph live = graphs.live;
        IntList flowChanged = live.flowChanged();
        for (int i = 0; i < flowChanged.size(); i++) {
            int arc = flowChanged.get(i);
            if (FlowNetwork.isPersonSlot(arc) && listed.add(arc)) {
                changed.add(new PersonSlot(pairs.personAt(live.tail(arc)), pairs.slotAt(live.head(arc)), arc));
            }
        }
        if (everyHolding) {
            forEachHolding(live, (person, slot, arc) -> {
                if (arc < 0 || listed.add(arc)) {
                    changed.add(new PersonSlot(person, slot, arc));
                }
            });
        }
        return changed;
    }

    /**
     * Calls {@code action} with every holder, the slot and the holder's arc to it that {@code graph}
     * stores (-1 if it stores none: no flow runs there, or the holder is no longer eligible).
     */
    void forEachHolding(FlowGraph graph, HoldingAction action) {
        for (SlotState slot : model.slots()) {
            for (String holder : slot.holders) {
                if (holder != null) {
                    PersonState person = model.people.get(holder);
                    int arc = person.node >= 0 && slot.node >= 0 ? graph.pairArc(person.node, slot.node) : -1;
                    action.accept(person, slot, arc);
                }
            }
        }
    }

    /** Whether the person may hold a seat of the slot in the flow: both in the graph, and the slot admits them. */
    boolean eligible(PersonState person, SlotState slot) {
        return person.node >= 0 && slot.node >= 0 && pairs.eligible(person.node, slot.node);
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
                String why = model.yieldsToPin(pair.person(), pair.slot())
                        ? "a pin set by a staffing manager needs the move"
                        : "a higher total weight of filled seats needs the move";
                Holding left = model.vacate(pair.person(), pair.slot());
                log.released(AssignmentChange.released(left, ChangeReason.REBALANCED, "employee " + left.personId()
                        + " released from " + left.seat() + ": " + why));
                setKeep(pair.person(), pair.slot(), false);
            } else if (!holds && flows) {
                newcomers.computeIfAbsent(pair.slot(), key -> new ArrayList<>()).add(pair.person());
                setKeep(pair.person(), pair.slot(), true);
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
                churnBudget.newHolder(graphs.live.pairArc(person.node, slot.node));
                log.assigned(AssignmentChange.assigned(holding, "employee " + person.id + " fills open seat "
                        + holding.seat() + " (" + holding.persona() + ")"));
            }
        }
    }

    /**
     * Gives or takes away the holder's bonus on a pair's stored arcs (implicit ones read it from the
     * holdings): its flow then stays optimal, so nothing is checked.
     */
    private void setKeep(PersonState person, SlotState slot, boolean keep) {
        if (person.node >= 0 && slot.node >= 0) {
            graphs.setPairCost(person.node, slot.node, EligiblePairs.cost1(slot, person, keep),
                    pairs.cost3(person.node, slot.node), keep);
        }
    }

    record PersonSlot(PersonState person, SlotState slot, int arc) {
    }

    @FunctionalInterface
    interface HoldingAction {
        void accept(PersonState person, SlotState slot, int arc);
    }
}
