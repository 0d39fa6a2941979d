package dev.staffing.assignment.engine;

/**
 * The decided flow and, while a rebalance is held back by the churn budget, its shadow: the flow as it
 * would be without the budget. Every structural change goes to both, so nodes and arcs keep one
 * numbering; the shadow repairs its optimum as cheaply as the decided flow does, so telling whether the
 * held-back rebalance now fits the budget costs an event's repair, not a solve of the pool.
 */
final class FlowGraphs {

    final FlowGraph live = new FlowGraph();
    private FlowGraph shadow;

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

    int addNode() {
        int node = live.addNode();
        if (shadow != null) {
            same(node, shadow.addNode());
        }
        return node;
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

    void setCost(int arc, long c1, long c2, long c3) {
        live.setCost(arc, c1, c2, c3);
        if (shadow != null) {
            shadow.setCost(arc, c1, c2, c3);
        }
    }

    void setCapacity(int arc, int capacity) {
        live.setCapacity(arc, capacity);
        if (shadow != null) {
            shadow.setCapacity(arc, capacity);
        }
    }

    void shiftIncomingCosts(int node, IntList incoming, long d1, long d2, long d3) {
        live.shiftIncomingCosts(node, incoming, d1, d2, d3);
        if (shadow != null) {
            shadow.shiftIncomingCosts(node, incoming, d1, d2, d3);
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
    void cancelSeat(int personArc, IntList units, int slotArc) {
        live.unlock(personArc);
        cancelSeat(live, personArc, units, slotArc);
        if (shadow != null) {
            cancelSeat(shadow, personArc, units, slotArc);
        }
    }

    private static void cancelSeat(FlowGraph graph, int personArc, IntList units, int slotArc) {
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
