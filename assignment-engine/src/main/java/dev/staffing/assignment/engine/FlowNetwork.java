package dev.staffing.assignment.engine;

import java.util.Arrays;

/**
 * The storage of a flow network: nodes (the hub, people and slots) with their arcs, potentials and
 * imbalance; arcs in twin pairs (arc {@code a} and its residual twin {@code a ^ 1}, whose residual
 * capacity is the flow on {@code a}), each with a lexicographic cost {@code (c1, c2, c3)}. Arrays grow as
 * needed; freed nodes and arcs are reused, so a long-lived network does not grow with its history.
 *
 * <p>Arcs come in two kinds with numbers of their own: the network's structure (a person's units, a
 * slot's arc back to the hub), numbered alike in every copy that sees the same changes, and the
 * person-slot arcs kept while flow runs on them ({@link EligiblePairs}), which each copy keeps for
 * itself. Structural arcs take the numbers {@code 4k} and {@code 4k + 1}, person-slot arcs
 * {@code 4k + 2} and {@code 4k + 3}.
 */
final class FlowNetwork {

    static final int HUB = 0;
    static final byte HUB_NODE = 0;
    static final byte PERSON = 1;
    static final byte SLOT = 2;

    int nodeSlots;
    long[] pi1;
    long[] pi2;
    long[] pi3;
    int[] excess;
    int[][] adjacency;
    int[] degree;
    byte[] kind;
    private int[] freeNodes = new int[16];
    private int freeNodeCount;

    int[] head;
    int[] residual;
    long[] cost1;
    long[] cost2;
    long[] cost3;
    boolean[] locked;
    private int[] position;
    private final ArcNumbers structureNumbers = new ArcNumbers(0);
    private final ArcNumbers pairNumbers = new ArcNumbers(2);

    FlowNetwork() {
        growNodes(64);
        growArcs(256);
        nodeSlots = 1;
        adjacency[HUB] = new int[16];
    }

    /** A deep copy: the same nodes, arcs, numbering, flows and potentials. */
    FlowNetwork copy() {
        FlowNetwork copy = new FlowNetwork();
        copy.nodeSlots = nodeSlots;
        copy.pi1 = pi1.clone();
        copy.pi2 = pi2.clone();
        copy.pi3 = pi3.clone();
        copy.excess = excess.clone();
        copy.degree = degree.clone();
        copy.kind = kind.clone();
        copy.adjacency = new int[adjacency.length][];
        for (int node = 0; node < adjacency.length; node++) {
            copy.adjacency[node] = adjacency[node] == null ? null : adjacency[node].clone();
        }
        copy.freeNodes = freeNodes.clone();
        copy.freeNodeCount = freeNodeCount;
        copy.head = head.clone();
        copy.residual = residual.clone();
        copy.cost1 = cost1.clone();
        copy.cost2 = cost2.clone();
        copy.cost3 = cost3.clone();
        copy.locked = new boolean[locked.length];
        copy.position = position.clone();
        copy.structureNumbers.copyFrom(structureNumbers);
        copy.pairNumbers.copyFrom(pairNumbers);
        return copy;
    }

    /** A new node of the given kind, with the hub's potential and no arcs. */
    int addNode(byte nodeKind) {
        int node;
        if (freeNodeCount > 0) {
            node = freeNodes[--freeNodeCount];
        } else {
            if (nodeSlots == excess.length) {
                growNodes(nodeSlots * 2);
            }
            node = nodeSlots++;
        }
        pi1[node] = pi1[HUB];
        pi2[node] = pi2[HUB];
        pi3[node] = pi3[HUB];
        excess[node] = 0;
        degree[node] = 0;
        kind[node] = nodeKind;
        if (adjacency[node] == null) {
            adjacency[node] = new int[4];
        }
        return node;
    }

    void removeNode(int node) {
        if (degree[node] != 0 || excess[node] != 0) {
            throw new IllegalStateException("node " + node + " still has arcs or an imbalance");
        }
        adjacency[node] = null;
        kind[node] = HUB_NODE;
        if (freeNodeCount == freeNodes.length) {
            freeNodes = Arrays.copyOf(freeNodes, freeNodeCount * 2);
        }
        freeNodes[freeNodeCount++] = node;
    }

    /**
     * An arc with no flow, and its twin; returns the arc's number (even). {@code personSlot} arcs are
     * numbered apart from the structure's.
     */
    int addArc(int from, int to, int capacity, long c1, long c2, long c3, boolean personSlot) {
        int arc = (personSlot ? pairNumbers : structureNumbers).take();
        if (arc + 2 > head.length) {
            growArcs(Math.max(arc + 2, head.length * 2));
        }
        head[arc] = to;
        head[arc ^ 1] = from;
        residual[arc] = capacity;
        residual[arc ^ 1] = 0;
        locked[arc] = false;
        locked[arc ^ 1] = false;
        setCost(arc, c1, c2, c3);
        attach(from, arc);
        attach(to, arc ^ 1);
        return arc;
    }

    /** Frees an arc pair; what flowed on it is the caller's to account for. */
    void freeArc(int arc) {
        detach(tail(arc), arc);
        detach(head[arc], arc ^ 1);
        residual[arc] = 0;
        residual[arc ^ 1] = 0;
        locked[arc] = false;
        locked[arc ^ 1] = false;
        head[arc] = -1;
        head[arc ^ 1] = -1;
        (isPersonSlot(arc) ? pairNumbers : structureNumbers).give(arc);
    }

    /** Whether the arc joins a person to a slot (as opposed to the network's structure). */
    static boolean isPersonSlot(int arc) {
        return (arc & 2) != 0;
    }

    void setCost(int arc, long c1, long c2, long c3) {
        cost1[arc] = c1;
        cost2[arc] = c2;
        cost3[arc] = c3;
        cost1[arc ^ 1] = -c1;
        cost2[arc ^ 1] = -c2;
        cost3[arc ^ 1] = -c3;
    }

    int tail(int arc) {
        return head[arc ^ 1];
    }

    boolean isLive(int arc) {
        return head[arc] >= 0;
    }

    boolean isResidual(int arc) {
        return residual[arc] > 0 && !locked[arc];
    }

    /** The sign of the arc's reduced cost {@code c + pi(tail) - pi(head)}, compared lexicographically. */
    int reducedSign(int arc) {
        int from = tail(arc);
        int to = head[arc];
        long r1 = cost1[arc] + pi1[from] - pi1[to];
        if (r1 != 0) {
            return Long.signum(r1);
        }
        long r2 = cost2[arc] + pi2[from] - pi2[to];
        if (r2 != 0) {
            return Long.signum(r2);
        }
        return Long.signum(cost3[arc] + pi3[from] - pi3[to]);
    }

    private void attach(int node, int arc) {
        int[] arcs = adjacency[node];
        if (degree[node] == arcs.length) {
            arcs = Arrays.copyOf(arcs, arcs.length * 2);
            adjacency[node] = arcs;
        }
        position[arc] = degree[node];
        arcs[degree[node]++] = arc;
    }

    private void detach(int node, int arc) {
        int[] arcs = adjacency[node];
        int at = position[arc];
        int last = arcs[--degree[node]];
        arcs[at] = last;
        position[last] = at;
    }

    private void growNodes(int size) {
        pi1 = pi1 == null ? new long[size] : Arrays.copyOf(pi1, size);
        pi2 = pi2 == null ? new long[size] : Arrays.copyOf(pi2, size);
        pi3 = pi3 == null ? new long[size] : Arrays.copyOf(pi3, size);
        excess = excess == null ? new int[size] : Arrays.copyOf(excess, size);
        degree = degree == null ? new int[size] : Arrays.copyOf(degree, size);
        kind = kind == null ? new byte[size] : Arrays.copyOf(kind, size);
        adjacency = adjacency == null ? new int[size][] : Arrays.copyOf(adjacency, size);
    }

    private void growArcs(int size) {
        head = head == null ? new int[size] : Arrays.copyOf(head, size);
        residual = residual == null ? new int[size] : Arrays.copyOf(residual, size);
        cost1 = cost1 == null ? new long[size] : Arrays.copyOf(cost1, size);
        cost2 = cost2 == null ? new long[size] : Arrays.copyOf(cost2, size);
        cost3 = cost3 == null ? new long[size] : Arrays.copyOf(cost3, size);
        position = position == null ? new int[size] : Arrays.copyOf(position, size);
        locked = locked == null ? new boolean[size] : Arrays.copyOf(locked, size);
    }

    /** One kind's arc numbers: every fourth pair from {@code offset}, freed ones reused first. */
    private static final class ArcNumbers {

        private final int offset;
        private int next;
        private int[] free = new int[16];
        private int freeCount;

        ArcNumbers(int offset) {
            this.offset = offset;
            this.next = offset;
        }

        int take() {
            if (freeCount > 0) {
                return free[--freeCount];
            }
            int arc = next;
            next += 4;
            return arc;
        }

        void give(int arc) {
            if (freeCount == free.length) {
                free = Arrays.copyOf(free, freeCount * 2);
            }
            free[freeCount++] = arc;
        }

        void copyFrom(ArcNumbers other) {
            next = other.next;
            free = other.free.clone();
            freeCount = other.freeCount;
        }
    }
}
