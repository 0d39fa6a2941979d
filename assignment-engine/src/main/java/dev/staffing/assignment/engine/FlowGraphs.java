package dev.staffing.assignment.engine;

/**
 * The decided flow and, while a rebalance is held back by the churn budget, its shadow: the flow as it
 * would be without the budget. Every structural change goes to both, so nodes and structural arcs
 * keep one numbering (each flow stores its own person-slot arcs, those it runs on); the shadow repairs its optimum as cheaply as the decided flow does, so telling whether the
 * held-back rebalance now fits the budget costs an event's repair, not a solve of the pool.
 */
final class FlowGraphs {

    final FlowGraph live;
    private FlowGraph shadow;

    FlowGraphs(EligiblePairs pairs) {
        this.live = new FlowGraph(pairs);
    }

    boolean hasShadow() {
        return shadow != null;
    }

    FlowGraph shadow() {
        return shadow;
    }

    /** Keeps a copy of the live flow (balanced, at the unconstrained optimum) as the shadow. */
    void startShadow() {
        shadow = live.copy();
    }

    void dropShadow() {
        shadow = null;
    }

    int addNode(byte kind) {
        int node = live.addNode(kind);
        if (shadow != null) {
            same(node, shadow.addNode(kind));
        }
        return node;
    }

    void removePairArcs(int node) {
        live.removePairArcs(node);
        if (shadow != null) {
            shadow.removePairArcs(node);
        }
    }

    void pairsChanged(int node) {
        live.pairsChanged(node);
        if (shadow != null) {
            shadow.pairsChanged(node);
        }
    }

    /**
     * Sets the cost of the person-slot arc wherever it is stored; implicit arcs already cost what the
     * holdings say, but one made {@code cheaper} is stored, so that the next restore checks it.
     */
    void setPairCost(int personNode, int slotNode, long c1, long c3, boolean cheaper) {
        setPairCost(live, personNode, slotNode, c1, c3, cheaper);
        if (shadow != null) {
            setPairCost(shadow, personNode, slotNode, c1, c3, cheaper);
        }
    }

    private static void setPairCost(FlowGraph graph, int personNode, int slotNode, long c1, long c3,
            boolean cheaper) {
        int arc = cheaper ? graph.storedPairArc(personNode, slotNode) : graph.pairArc(personNode, slotNode);
        if (arc >= 0) {
            graph.setCost(arc, c1, 0, c3);
        }
    }

    /** Frees, in each flow, the person-slot arcs no flow runs on. */
    void tidyPairArcs() {
        live.tidyPairArcs();
        if (shadow != null) {
            shadow.tidyPairArcs();
        }
    }

    void removeNode(int node) {
        live.removeNode(node);
        if (shadow != null) {
            shadow.removeNode(node);
        }
    }

    int addArc(int from, int to, int capacity, long c1, long c2, long c3) {
        int arc = live.addArc(from, to, capacity, c1, c2, c3);
        if (shadow != null) {
            same(arc, shadow.addArc(from, to, capacity, c1, c2, c3));
        }
        return arc;
    }

    void removeArc(int arc) {
        live.removeArc(arc);
        if (shadow != null) {
            shadow.removeArc(arc);
        }
    }

    void setCapacity(int arc, int capacity) {
        live.setCapacity(arc, capacity);
        if (shadow != null) {
            shadow.setCapacity(arc, capacity);
        }
    }

    void shiftIncomingCosts(int node, long d1, long d2, long d3) {
        live.shiftIncomingCosts(node, d1, d2, d3);
        if (shadow != null) {
            shadow.shiftIncomingCosts(node, d1, d2, d3);
        }
    }

    void placeAfterOutgoing(int node) {
        live.placeAfterOutgoing(node);
        if (shadow != null) {
            shadow.placeAfterOutgoing(node);
        }
    }

    void placeBeforeIncoming(int node) {
        live.placeBeforeIncoming(node);
        if (shadow != null) {
            shadow.placeBeforeIncoming(node);
        }
    }

    /**
     * Takes a person's seat of a slot out of each flow that has it: off the person's arc to the slot, the
     * person's most expensive unit in use, and the slot's arc back to the hub, so every node stays balanced.
     * A lock the churn budget put on the seat goes with it.
     */
    void cancelSeat(int personNode, int slotNode, IntList units, int slotArc) {
        cancelSeat(live, personNode, slotNode, units, slotArc);
        if (shadow != null) {
            cancelSeat(shadow, personNode, slotNode, units, slotArc);
        }
    }

    private static void cancelSeat(FlowGraph graph, int personNode, int slotNode, IntList units, int slotArc) {
        int personArc = graph.pairArc(personNode, slotNode);
        if (personArc < 0) {
            return;
        }
        graph.unlock(personArc);
        if (graph.flow(personArc) == 0) {
            return;
        }
        for (int i = units.size() - 1; i >= 0; i--) {
            if (graph.flow(units.get(i)) > 0) {
                graph.takeFlow(personArc, 1);
                graph.takeFlow(units.get(i), 1);
                graph.takeFlow(slotArc, 1);
                return;
            }
        }
        throw new IllegalStateException("a seat is held on arc " + personArc + " but no unit is drawn");
    }

    private static void same(int live, int shadow) {
        if (live != shadow) {
            throw new IllegalStateException("the shadow flow lost step with the live one: " + live + " != " + shadow);
        }
    }
}
