package dev.staffing.assignment.engine;

import java.util.Arrays;

/**
 * A flow network kept at a minimum-cost circulation while it changes. Arcs come and go, change cost
 * and capacity; {@link #restore()} then brings the flow back to the optimum by touching only what the
 * change affects: arcs whose reduced cost went negative are saturated, and the imbalances that leaves
 * are sent along shortest paths (Dijkstra on reduced costs, stopping at the first node that lacks
 * flow), updating the potentials of the nodes the search settled and no others.
 *
 * <p>Costs are lexicographic triples {@code (c1, c2, c3)}: a path is cheaper when its first component
 * is lower, then its second, then its third. That keeps each objective exact without scaling them into
 * one number that could overflow.
 *
 * <p>Node {@link #HUB} closes every cycle. Arcs are numbered in pairs: arc {@code a} and its residual
 * twin {@code a ^ 1}, whose residual capacity is the flow on {@code a}.
 */
final class FlowGraph {

    static final int HUB = 0;

    /** Beyond this the potentials are shifted back towards zero; far below where a sum could overflow. */
    private static final long DRIFT_LIMIT = 1L << 56;

    // Nodes.
    private int nodeSlots;
    private int[] freeNodes = new int[16];
    private int freeNodeCount;
    private long[] pi1;
    private long[] pi2;
    private long[] pi3;
    private int[] excess;
    private int[][] adjacency;
    private int[] degree;

    // Arcs, in twin pairs.
    private int arcSlots;
    private int[] freePairs = new int[16];
    private int freePairCount;
    private int[] head;
    private int[] residual;
    private long[] cost1;
    private long[] cost2;
    private long[] cost3;
    private int[] position;
    private boolean[] locked;
    private int lockedCount;

    // Work lists.
    private final IntList unbalanced = new IntList();
    private boolean[] isUnbalanced;
    private final IntList toCheck = new IntList();
    private final IntList flowChanged = new IntList();
    private boolean[] isFlowChanged;

    // Dijkstra scratch, reset by generation rather than by clearing.
    private long[] d1;
    private long[] d2;
    private long[] d3;
    private int[] pred;
    private int[] reached;
    private int[] settled;
    private int generation;
    private int[] heap;
    private int[] heapIndex;
    private int heapSize;
    private final IntList settledNodes = new IntList();

    private final Journal journal = new Journal();
    private long searchSteps;

    FlowGraph() {
        allocateNodes(64);
        allocateArcs(256);
        nodeSlots = 1;
        adjacency[HUB] = new int[16];
    }

    // ---- structure -------------------------------------------------------------------------------

    /** A new node, with the hub's potential; place it with {@link #placeAfterOutgoing} or {@link #placeBeforeIncoming}. */
    int addNode() {
        int node;
        if (freeNodeCount > 0) {
            node = freeNodes[--freeNodeCount];
        } else {
            if (nodeSlots == excess.length) {
                allocateNodes(nodeSlots * 2);
            }
            node = nodeSlots++;
        }
        pi1[node] = pi1[HUB];
        pi2[node] = pi2[HUB];
        pi3[node] = pi3[HUB];
        excess[node] = 0;
        degree[node] = 0;
        if (adjacency[node] == null) {
            adjacency[node] = new int[4];
        }
        return node;
    }

    /** Removes a node whose arcs are all gone. */
    void removeNode(int node) {
        if (degree[node] != 0) {
            throw new IllegalStateException("node " + node + " still has " + degree[node] + " arcs");
        }
        if (excess[node] != 0) {
            throw new IllegalStateException("node " + node + " is unbalanced");
        }
        adjacency[node] = null;
        if (freeNodeCount == freeNodes.length) {
            freeNodes = Arrays.copyOf(freeNodes, freeNodeCount * 2);
        }
        freeNodes[freeNodeCount++] = node;
    }

    /** Adds an arc with no flow; returns its number. It is checked at the next {@link #restore()}. */
    int addArc(int from, int to, int capacity, long c1, long c2, long c3) {
        int arc;
        if (freePairCount > 0) {
            arc = freePairs[--freePairCount];
        } else {
            if (arcSlots == head.length) {
                allocateArcs(arcSlots * 2);
            }
            arc = arcSlots;
            arcSlots += 2;
        }
        head[arc] = to;
        head[arc ^ 1] = from;
        residual[arc] = capacity;
        residual[arc ^ 1] = 0;
        cost1[arc] = c1;
        cost2[arc] = c2;
        cost3[arc] = c3;
        cost1[arc ^ 1] = -c1;
        cost2[arc ^ 1] = -c2;
        cost3[arc ^ 1] = -c3;
        locked[arc] = false;
        locked[arc ^ 1] = false;
        attach(from, arc);
        attach(to, arc ^ 1);
        toCheck.add(arc);
        return arc;
    }

    /** Removes an arc; flow still on it leaves its tail with a surplus and its head short. */
    void removeArc(int arc) {
        int flow = residual[arc ^ 1];
        if (flow > 0) {
            changeExcess(tail(arc), flow);
            changeExcess(head[arc], -flow);
        }
        if (locked[arc] || locked[arc ^ 1]) {
            lockedCount -= (locked[arc] ? 1 : 0) + (locked[arc ^ 1] ? 1 : 0);
            locked[arc] = false;
            locked[arc ^ 1] = false;
        }
        detach(tail(arc), arc);
        detach(head[arc], arc ^ 1);
        residual[arc] = 0;
        residual[arc ^ 1] = 0;
        head[arc] = -1;
        head[arc ^ 1] = -1;
        if (freePairCount == freePairs.length) {
            freePairs = Arrays.copyOf(freePairs, freePairCount * 2);
        }
        freePairs[freePairCount++] = arc;
    }

    void setCost(int arc, long c1, long c2, long c3) {
        cost1[arc] = c1;
        cost2[arc] = c2;
        cost3[arc] = c3;
        cost1[arc ^ 1] = -c1;
        cost2[arc ^ 1] = -c2;
        cost3[arc ^ 1] = -c3;
        toCheck.add(arc);
    }

    /** Changes an arc's capacity; flow above the new capacity is taken off, leaving an imbalance. */
    void setCapacity(int arc, int capacity) {
        int flow = residual[arc ^ 1];
        if (flow > capacity) {
            int cut = flow - capacity;
            residual[arc ^ 1] = capacity;
            changeExcess(tail(arc), cut);
            changeExcess(head[arc], -cut);
            flow = capacity;
        }
        residual[arc] = capacity - flow;
        toCheck.add(arc);
    }

    /**
     * Takes {@code amount} of flow off an arc, as part of cancelling a whole cycle (the caller takes it off
     * every arc of the cycle, so the nodes stay balanced).
     */
    void takeFlow(int arc, int amount) {
        if (residual[arc ^ 1] < amount) {
            throw new IllegalStateException("arc " + arc + " carries " + residual[arc ^ 1] + ", not " + amount);
        }
        residual[arc ^ 1] -= amount;
        residual[arc] += amount;
        changeExcess(tail(arc), amount);
        changeExcess(head[arc], -amount);
        toCheck.add(arc);
    }

    int flow(int arc) {
        return residual[arc ^ 1];
    }

    int head(int arc) {
        return head[arc];
    }

    int tail(int arc) {
        return head[arc ^ 1];
    }

    long cost1(int arc) {
        return cost1[arc];
    }

    boolean balanced() {
        return unbalanced.size() == 0;
    }

    long searchSteps() {
        return searchSteps;
    }

    /**
     * Makes {@code node}'s potential the least that keeps every residual arc leaving it at a reduced cost
     * of zero or more; arcs entering it are checked at the next restore.
     */
    void placeAfterOutgoing(int node) {
        boolean any = false;
        long b1 = 0;
        long b2 = 0;
        long b3 = 0;
        int[] arcs = adjacency[node];
        for (int i = 0; i < degree[node]; i++) {
            int arc = arcs[i];
            if (isResidual(arc)) {
                int to = head[arc];
                // pi(node) >= pi(to) - c(arc)
                long v1 = pi1[to] - cost1[arc];
                long v2 = pi2[to] - cost2[arc];
                long v3 = pi3[to] - cost3[arc];
                if (!any || compare(v1, v2, v3, b1, b2, b3) > 0) {
                    b1 = v1;
                    b2 = v2;
                    b3 = v3;
                    any = true;
                }
            }
            toCheck.add(arc & ~1);
        }
        if (any) {
            pi1[node] = b1;
            pi2[node] = b2;
            pi3[node] = b3;
        }
    }

    /**
     * Makes {@code node}'s potential the greatest that keeps every residual arc entering it at a reduced
     * cost of zero or more; arcs leaving it are checked at the next restore.
     */
    void placeBeforeIncoming(int node) {
        boolean any = false;
        long b1 = 0;
        long b2 = 0;
        long b3 = 0;
        int[] arcs = adjacency[node];
        for (int i = 0; i < degree[node]; i++) {
            int incoming = arcs[i] ^ 1;
            if (isResidual(incoming)) {
                int from = head[arcs[i]];
                // pi(node) <= pi(from) + c(incoming)
                long v1 = pi1[from] + cost1[incoming];
                long v2 = pi2[from] + cost2[incoming];
                long v3 = pi3[from] + cost3[incoming];
                if (!any || compare(v1, v2, v3, b1, b2, b3) < 0) {
                    b1 = v1;
                    b2 = v2;
                    b3 = v3;
                    any = true;
                }
            }
            toCheck.add(arcs[i] & ~1);
        }
        if (any) {
            pi1[node] = b1;
            pi2[node] = b2;
            pi3[node] = b3;
        }
    }

    // ---- locks (the churn budget) ------------------------------------------------------------------

    /** Forbids sending flow back over {@code arc}: its current flow stays. */
    void lockFlow(int arc) {
        int twin = arc ^ 1;
        if (!locked[twin]) {
            locked[twin] = true;
            lockedCount++;
        }
    }

    boolean anyLocked() {
        return lockedCount > 0;
    }

    /** Lifts every lock; the arcs it frees are checked at the next restore. */
    void unlockAll(IntList lockedArcs) {
        for (int i = 0; i < lockedArcs.size(); i++) {
            int arc = lockedArcs.get(i);
            if (head[arc] >= 0 && locked[arc ^ 1]) {
                locked[arc ^ 1] = false;
                lockedCount--;
                toCheck.add(arc);
            }
        }
    }

    // ---- restoring the optimum -------------------------------------------------------------------

    /** Starts recording, so that {@link #rollback()} can undo the next restore. */
    void beginAttempt() {
        journal.clear();
        journal.recording = true;
    }

    /** Forgets the recording: what the restore did stands. */
    void commitAttempt() {
        journal.clear();
        journal.recording = false;
    }

    /** Undoes everything since {@link #beginAttempt()}: flows, imbalances and potentials. */
    void rollback() {
        journal.recording = false;
        for (int i = journal.size - 1; i >= 0; i--) {
            int index = journal.index[i];
            switch (journal.kind[i]) {
                case Journal.RESIDUAL -> {
                    residual[index] = (int) journal.v1[i];
                    residual[index ^ 1] = (int) journal.v2[i];
                }
                case Journal.EXCESS -> setExcessUnrecorded(index, (int) journal.v1[i]);
                case Journal.POTENTIAL -> {
                    pi1[index] = journal.v1[i];
                    pi2[index] = journal.v2[i];
                    pi3[index] = journal.v3[i];
                }
                default -> throw new IllegalStateException("journal kind " + journal.kind[i]);
            }
        }
        for (int i = journal.checked.size() - 1; i >= 0; i--) {
            toCheck.add(journal.checked.get(i));
        }
        journal.clear();
    }

    /**
     * Brings the flow back to a minimum-cost circulation: saturates every checked arc whose reduced cost
     * is negative, then sends every imbalance along shortest paths. Arcs whose flow changed are listed
     * in {@link #flowChanged()} until {@link #clearFlowChanged()}.
     */
    void restore() {
        for (int i = 0; i < toCheck.size(); i++) {
            int arc = toCheck.get(i);
            if (journal.recording) {
                journal.checked.add(arc);
            }
            if (head[arc] < 0) {
                continue;
            }
            saturateIfNegative(arc);
            saturateIfNegative(arc ^ 1);
        }
        toCheck.clear();
        while (unbalanced.size() > 0) {
            int target = shortestPathToShortage();
            if (target < 0) {
                throw new IllegalStateException("no path carries the surplus to a node short of flow: "
                        + unbalanced.size() + " nodes unbalanced");
            }
            augmentTo(target);
            shiftPotentials(target);
        }
        renormaliseIfDrifted();
    }

    IntList flowChanged() {
        return flowChanged;
    }

    void clearFlowChanged() {
        for (int i = 0; i < flowChanged.size(); i++) {
            isFlowChanged[flowChanged.get(i) >> 1] = false;
        }
        flowChanged.clear();
    }

    private void saturateIfNegative(int arc) {
        if (!isResidual(arc) || reducedSign(arc) >= 0) {
            return;
        }
        int amount = residual[arc];
        setResidual(arc, 0, residual[arc ^ 1] + amount);
        changeExcess(head[arc], amount);
        changeExcess(tail(arc), -amount);
        noteFlowChange(arc);
    }

    /** Dijkstra from every node with surplus; returns the first settled node short of flow, or -1. */
    private int shortestPathToShortage() {
        generation++;
        heapSize = 0;
        settledNodes.clear();
        for (int i = 0; i < unbalanced.size(); i++) {
            int node = unbalanced.get(i);
            if (excess[node] > 0) {
                reached[node] = generation;
                d1[node] = 0;
                d2[node] = 0;
                d3[node] = 0;
                pred[node] = -1;
                heapPush(node);
            }
        }
        while (heapSize > 0) {
            int node = heapPop();
            settled[node] = generation;
            settledNodes.add(node);
            if (excess[node] < 0) {
                return node;
            }
            int[] arcs = adjacency[node];
            for (int i = 0; i < degree[node]; i++) {
                int arc = arcs[i];
                searchSteps++;
                if (!isResidual(arc)) {
                    continue;
                }
                int to = head[arc];
                if (settled[to] == generation) {
                    continue;
                }
                long n1 = d1[node] + cost1[arc] + pi1[node] - pi1[to];
                long n2 = d2[node] + cost2[arc] + pi2[node] - pi2[to];
                long n3 = d3[node] + cost3[arc] + pi3[node] - pi3[to];
                if (reached[to] != generation) {
                    reached[to] = generation;
                    d1[to] = n1;
                    d2[to] = n2;
                    d3[to] = n3;
                    pred[to] = arc;
                    heapPush(to);
                } else if (compare(n1, n2, n3, d1[to], d2[to], d3[to]) < 0) {
                    d1[to] = n1;
                    d2[to] = n2;
                    d3[to] = n3;
                    pred[to] = arc;
                    heapDecrease(to);
                }
            }
        }
        return -1;
    }

    private void augmentTo(int target) {
        int amount = -excess[target];
        int source = target;
        for (int node = target; pred[node] >= 0; node = tail(pred[node])) {
            amount = Math.min(amount, residual[pred[node]]);
            source = tail(pred[node]);
        }
        amount = Math.min(amount, excess[source]);
        for (int node = target; pred[node] >= 0; node = tail(pred[node])) {
            int arc = pred[node];
            setResidual(arc, residual[arc] - amount, residual[arc ^ 1] + amount);
            noteFlowChange(arc);
        }
        changeExcess(source, -amount);
        changeExcess(target, amount);
    }

    /** pi(v) += d(v) - D for every settled node: keeps every reduced cost non-negative, touches no other node. */
    private void shiftPotentials(int target) {
        long t1 = d1[target];
        long t2 = d2[target];
        long t3 = d3[target];
        for (int i = 0; i < settledNodes.size(); i++) {
            int node = settledNodes.get(i);
            if (journal.recording) {
                journal.add(Journal.POTENTIAL, node, pi1[node], pi2[node], pi3[node]);
            }
            pi1[node] += d1[node] - t1;
            pi2[node] += d2[node] - t2;
            pi3[node] += d3[node] - t3;
        }
    }

    private void renormaliseIfDrifted() {
        if (Math.abs(pi1[HUB]) < DRIFT_LIMIT && Math.abs(pi2[HUB]) < DRIFT_LIMIT
                && Math.abs(pi3[HUB]) < DRIFT_LIMIT) {
            return;
        }
        long s1 = pi1[HUB];
        long s2 = pi2[HUB];
        long s3 = pi3[HUB];
        for (int node = 0; node < nodeSlots; node++) {
            if (journal.recording) {
                journal.add(Journal.POTENTIAL, node, pi1[node], pi2[node], pi3[node]);
            }
            pi1[node] -= s1;
            pi2[node] -= s2;
            pi3[node] -= s3;
        }
    }

    private boolean isResidual(int arc) {
        return residual[arc] > 0 && !locked[arc];
    }

    private int reducedSign(int arc) {
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

    static int compare(long a1, long a2, long a3, long b1, long b2, long b3) {
        if (a1 != b1) {
            return Long.compare(a1, b1);
        }
        if (a2 != b2) {
            return Long.compare(a2, b2);
        }
        return Long.compare(a3, b3);
    }

    private void noteFlowChange(int arc) {
        int pair = arc >> 1;
        if (!isFlowChanged[pair]) {
            isFlowChanged[pair] = true;
            flowChanged.add(arc & ~1);
        }
    }

    private void setResidual(int arc, int forward, int backward) {
        if (journal.recording) {
            journal.add(Journal.RESIDUAL, arc, residual[arc], residual[arc ^ 1], 0);
        }
        residual[arc] = forward;
        residual[arc ^ 1] = backward;
    }

    private void changeExcess(int node, int delta) {
        if (journal.recording) {
            journal.add(Journal.EXCESS, node, excess[node], 0, 0);
        }
        setExcessUnrecorded(node, excess[node] + delta);
    }

    private void setExcessUnrecorded(int node, int value) {
        excess[node] = value;
        if (value != 0 && !isUnbalanced[node]) {
            isUnbalanced[node] = true;
            unbalanced.add(node);
        } else if (value == 0 && isUnbalanced[node]) {
            isUnbalanced[node] = false;
            unbalanced.remove(node);
        }
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

    // ---- heap on (d1, d2, d3) ------------------------------------------------------------------------

    private void heapPush(int node) {
        heap[heapSize] = node;
        heapIndex[node] = heapSize;
        heapSize++;
        siftUp(heapSize - 1);
    }

    private void heapDecrease(int node) {
        siftUp(heapIndex[node]);
    }

    private int heapPop() {
        int top = heap[0];
        heapSize--;
        if (heapSize > 0) {
            heap[0] = heap[heapSize];
            heapIndex[heap[0]] = 0;
            siftDown(0);
        }
        return top;
    }

    private boolean less(int a, int b) {
        int c = compare(d1[a], d2[a], d3[a], d1[b], d2[b], d3[b]);
        return c < 0 || (c == 0 && a < b);
    }

    private void siftUp(int at) {
        int node = heap[at];
        while (at > 0) {
            int parent = (at - 1) >> 1;
            if (!less(node, heap[parent])) {
                break;
            }
            heap[at] = heap[parent];
            heapIndex[heap[at]] = at;
            at = parent;
        }
        heap[at] = node;
        heapIndex[node] = at;
    }

    private void siftDown(int at) {
        int node = heap[at];
        while (true) {
            int child = 2 * at + 1;
            if (child >= heapSize) {
                break;
            }
            if (child + 1 < heapSize && less(heap[child + 1], heap[child])) {
                child++;
            }
            if (!less(heap[child], node)) {
                break;
            }
            heap[at] = heap[child];
            heapIndex[heap[at]] = at;
            at = child;
        }
        heap[at] = node;
        heapIndex[node] = at;
    }

    // ---- storage -------------------------------------------------------------------------------------

    private void allocateNodes(int size) {
        pi1 = grow(pi1, size);
        pi2 = grow(pi2, size);
        pi3 = grow(pi3, size);
        d1 = grow(d1, size);
        d2 = grow(d2, size);
        d3 = grow(d3, size);
        excess = grow(excess, size);
        degree = grow(degree, size);
        pred = grow(pred, size);
        reached = grow(reached, size);
        settled = grow(settled, size);
        heap = grow(heap, size);
        heapIndex = grow(heapIndex, size);
        isUnbalanced = isUnbalanced == null ? new boolean[size] : Arrays.copyOf(isUnbalanced, size);
        adjacency = adjacency == null ? new int[size][] : Arrays.copyOf(adjacency, size);
    }

    private void allocateArcs(int size) {
        head = grow(head, size);
        residual = grow(residual, size);
        cost1 = grow(cost1, size);
        cost2 = grow(cost2, size);
        cost3 = grow(cost3, size);
        position = grow(position, size);
        locked = locked == null ? new boolean[size] : Arrays.copyOf(locked, size);
        isFlowChanged = isFlowChanged == null ? new boolean[size / 2] : Arrays.copyOf(isFlowChanged, size / 2);
    }

    private static long[] grow(long[] array, int size) {
        return array == null ? new long[size] : Arrays.copyOf(array, size);
    }

    private static int[] grow(int[] array, int size) {
        return array == null ? new int[size] : Arrays.copyOf(array, size);
    }

    /** What a restore changed, so that a rejected attempt can be undone. */
    private static final class Journal {

        static final int RESIDUAL = 0;
        static final int EXCESS = 1;
        static final int POTENTIAL = 2;

        boolean recording;
        int size;
        int[] kind = new int[64];
        int[] index = new int[64];
        long[] v1 = new long[64];
        long[] v2 = new long[64];
        long[] v3 = new long[64];
        final IntList checked = new IntList();

        void add(int entryKind, int entryIndex, long a, long b, long c) {
            if (size == kind.length) {
                kind = Arrays.copyOf(kind, size * 2);
                index = Arrays.copyOf(index, size * 2);
                v1 = Arrays.copyOf(v1, size * 2);
                v2 = Arrays.copyOf(v2, size * 2);
                v3 = Arrays.copyOf(v3, size * 2);
            }
            kind[size] = entryKind;
            index[size] = entryIndex;
            v1[size] = a;
            v2[size] = b;
            v3[size] = c;
            size++;
        }

        void clear() {
            size = 0;
            checked.clear();
        }
    }
}
