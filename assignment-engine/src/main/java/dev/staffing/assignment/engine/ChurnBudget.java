package dev.staffing.assignment.engine;

/**
 * How many current holders one decision may move. The optimum is taken when it moves no more than the
 * budget; otherwise every holder stays (their arcs locked), only what is open is filled, and the
 * held-back rebalance is reported, the same at every decision until it fits. While it is held back, the
 * unconstrained optimum lives on as the shadow flow and is repaired event by event alongside the decided
 * one, so each decision answers "does it fit now?" at the cost of an event, not of a whole solve.
 *
 * <p>Pins are outside the budget: a staffing manager asked for them explicitly. A holding that a pin
 * not yet met may need to end ({@link PoolModel#yieldsToPin}: a seat of a slot someone eligible is pinned
 * to, or a seat of someone pinned elsewhere) is neither counted as a move nor locked while a rebalance is
 * held back, so the pin is honoured whatever the budget.
 */
final class ChurnBudget {

    private final ExactSolver solver;
    private final FlowGraphs graphs;
    private final PoolModel model;
    private final IntList lockedArcs = new IntList();
    private boolean cold = true;

    ChurnBudget(ExactSolver solver, FlowGraphs graphs, PoolModel model) {
        this.solver = solver;
        this.graphs = graphs;
        this.model = model;
    }

    /** The first decision after building starts from an empty flow: every holding is compared. */
    boolean isCold() {
        return cold;
    }

    /** Repairs the live flow to the optimum the budget allows; returns what it held back. */
    HeldBack settle() {
        FlowGraph live = graphs.live;
        int budget = model.settings.churnBudget();
        if (graphs.hasShadow()) {
            FlowGraph shadow = graphs.shadow();
            shadow.restore();
            shadow.clearFlowChanged();
            int moves = movesIn(shadow);
            if (moves > budget) {
                // Pins may have come or gone since the holders were locked: lock them afresh.
                unlockAll();
                keepEveryHolder();
                return new HeldBack(moves, weightOf(shadow) - weightOf(live));
            }
            graphs.dropShadow();
        }
        unlockAll();
        live.beginAttempt();
        live.restore();
        int moves = 0;
        for (ExactSolver.PersonSlot pair : solver.changedPairs(cold)) {
            boolean holds = pair.slot().seatOf(pair.person().id) > 0;
            if (holds && (pair.arc() < 0 || live.flow(pair.arc()) == 0)
                    && !model.yieldsToPin(pair.person(), pair.slot())) {
                moves++;
            }
        }
        if (moves <= budget) {
            live.commitAttempt();
            return HeldBack.NONE;
        }
        graphs.startShadow();
        live.rollback();
        live.clearFlowChanged();
        live.commitAttempt();
        keepEveryHolder();
        return new HeldBack(moves, weightOf(graphs.shadow()) - weightOf(live));
    }

    /** A holder this decision seated: while a rebalance is held back, they stay too. */
    void newHolder(int arc) {
        if (graphs.hasShadow()) {
            graphs.live.lockFlow(arc);
            lockedArcs.add(arc);
        }
    }

    /** The decision is made: the next one starts from a flow. */
    void decided() {
        cold = false;
    }

    private void unlockAll() {
        if (lockedArcs.size() > 0) {
            graphs.live.unlockAll(lockedArcs);
            lockedArcs.clear();
        }
    }

    /**
     * Every holder's arc carries its flow (on a cold start it is first sent round its cycle) and is
     * locked, but for holdings a pin not yet met may need; then what is left open is filled.
     */
    private void keepEveryHolder() {
        FlowGraph live = graphs.live;
        solver.forEachHolding(live, (person, slot, stored) -> {
            if (!solver.eligible(person, slot) || model.yieldsToPin(person, slot)) {
                return;
            }
            int arc = stored >= 0 ? stored : live.storedPairArc(person.node, slot.node);
            if (live.flow(arc) == 0) {
                live.pushFlow(solver.lowestFreeUnit(live, person), 1);
                live.pushFlow(arc, 1);
                live.pushFlow(slot.outArc, 1);
            }
            live.lockFlow(arc);
            lockedArcs.add(arc);
        });
        live.restore();
    }

    private int movesIn(FlowGraph graph) {
        int[] moves = {0};
        solver.forEachHolding(graph, (person, slot, arc) -> {
            if ((arc < 0 || graph.flow(arc) == 0) && !model.yieldsToPin(person, slot)) {
                moves[0]++;
            }
        });
        return moves[0];
    }

    private long weightOf(FlowGraph graph) {
        long weight = 0;
        for (SlotState slot : model.slots()) {
            weight += graph.flow(slot.outArc) * slot.weight();
        }
        return weight;
    }
}
