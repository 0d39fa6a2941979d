package dev.staffing.assignment.engine;

import java.util.Arrays;

/**
 * A flow network kept at a minimum-cost circulation while it changes. Besides the arcs it stores, every
 * eligible person-slot pair is an arc ({@link EligiblePairs}); the graph stores such an arc only while
 * flow runs on it, and finds the others when a search reaches a person or a slot.
 *
 * <p> Arcs come and go, change cost
 * and capacity; {@link #restore()} then brings the flow back to the optimum by touching only what the
 * change affects: arcs whose reduced cost went negative are saturated, and the imbalances that leaves
 * are sent along shortest paths (Dijkstra on reduced costs, stopping at the first node that lacks
 * flow), shifting the potentials of the nodes the search settled and no others.
 *
 * <p>Costs are lexicographic triples {@code (c1, c2, c3)}: a path is cheaper when its first component
 * is lower, then its second, then its third. That keeps each objective exact without scaling them into
 * one number that could overflow. Node {@link #HUB} closes every cycle.
 */
final class FlowGraph {

    static final int HUB = FlowNetwork.HUB;

    /** More units of surplus than this are sent phase by phase along all shortest paths at once. */
    private static final int PHASE_THRESHOLD = 32;

    /** Beyond this the potentials are shifted back towards zero; far below where a sum could overflow. */
    private static final long DRIFT_LIMIT = 1L << 56;

    private final FlowNetwork net;
    private final EligiblePairs pairs;
    private final SearchFrontier frontier = new SearchFrontier();
    private final FlowJournal journal = new FlowJournal();
    private final IntList unbalanced = new IntList();
    private final IntList toCheck = new IntList();
    private final IntList flowChanged = new IntList();
    private boolean[] isFlowChanged = new boolean[128];
    /** Person-slot arcs stored since the last tidy, or whose flow changed: freed again once they carry none. */
    private final IntList pairArcsToTidy = new IntList();
    /** The pairs of the node last enumerated, and a stamp per node for those the graph stores. */
    private final IntList scratch = new IntList();
    private int[] partners = new int[0];
    private int partnerCount;
    private int[] stamp = new int[0];
    private int stampGeneration;
    /** While a restore sends many units (a pool solved afresh), each node's pairs are listed once. */
    private int[][] pairCache = new int[0][];
    private final IntList cachedNodes = new IntList();
    private boolean cachingPairs;

    FlowGraph(EligiblePairs pairs) {
        this(new FlowNetwork(), pairs);
    }

    private FlowGraph(FlowNetwork net, EligiblePairs pairs) {
        this.net = net;
        this.pairs = pairs;
    }

    /** A copy with the same arcs, numbering, flow and potentials, and no locks; call only when balanced. */
    FlowGraph copy() {
        if (unbalanced.size() > 0) {
            throw new IllegalStateException("copying a graph with " + unbalanced.size() + " unbalanced nodes");
        }
        FlowGraph copy = new FlowGraph(net.copy(), pairs);
        copy.isFlowChanged = new boolean[isFlowChanged.length];
        for (int i = 0; i < pairArcsToTidy.size(); i++) {
            copy.pairArcsToTidy.add(pairArcsToTidy.get(i));
        }
        return copy;
    }

    // ---- structure -------------------------------------------------------------------------------

    /**
     * A new node of a kind ({@link FlowNetwork#PERSON}, {@link FlowNetwork#SLOT}), with the hub's potential;
     * place it with {@link #placeAfterOutgoing} or {@link #placeBeforeIncoming}.
     */
    int addNode(byte kind) {
        return net.addNode(kind);
    }

    /** Removes a node whose arcs are all gone. */
    void removeNode(int node) {
        net.removeNode(node);
    }

    /** Adds a structural arc with no flow; returns its number. It is checked at the next {@link #restore()}. */
    int addArc(int from, int to, int capacity, long c1, long c2, long c3) {
        int arc = net.addArc(from, to, capacity, c1, c2, c3, false);
        ensureFlowChangedRoom(arc);
        toCheck.add(arc);
        return arc;
    }

    private void ensureFlowChangedRoom(int arc) {
        if ((arc >> 1) >= isFlowChanged.length) {
            isFlowChanged = Arrays.copyOf(isFlowChanged, Math.max((arc >> 1) + 1, isFlowChanged.length * 2));
        }
    }

    // ---- person-slot arcs --------------------------------------------------------------------------

    /** The arc this graph stores from the person to the slot, or -1 while the pair is left implicit. */
    int pairArc(int personNode, int slotNode) {
        int[] arcs = net.adjacency[personNode];
        int degree = net.degree[personNode];
        for (int i = 0; i < degree; i++) {
            int arc = arcs[i];
            if ((arc & 1) == 0 && FlowNetwork.isPersonSlot(arc) && net.head[arc] == slotNode) {
                return arc;
            }
        }
        return -1;
    }

    /** The arc from the person to the slot, stored from now on (until a tidy finds it without flow). */
    int storedPairArc(int personNode, int slotNode) {
        int arc = pairArc(personNode, slotNode);
        return arc >= 0 ? arc : store(personNode, slotNode);
    }

    private int store(int personNode, int slotNode) {
        int arc = net.addArc(personNode, slotNode, 1, pairs.cost1(personNode, slotNode), 0,
                pairs.cost3(personNode, slotNode), true);
        ensureFlowChangedRoom(arc);
        pairArcsToTidy.add(arc);
        if (journal.recording) {
            // Rolled back, the arc stays stored without flow: the next restore must look at it again.
            journal.checked.add(arc);
        }
        return arc;
    }

    /** How many person-slot arcs the graph stores, each carrying flow or not. */
    int storedPairArcs() {
        int stored = 0;
        for (int node = 0; node < net.nodeSlots; node++) {
            if (net.adjacency[node] != null && net.kind[node] == FlowNetwork.PERSON) {
                for (int i = 0; i < net.degree[node]; i++) {
                    int arc = net.adjacency[node][i];
                    if ((arc & 1) == 0 && FlowNetwork.isPersonSlot(arc)) {
                        stored++;
                    }
                }
            }
        }
        return stored;
    }

    /** Removes the person-slot arcs stored at a node; flow on them leaves imbalances for the next restore. */
    void removePairArcs(int node) {
        removePairArcs(node, false);
    }

    /**
     * The pairs of a node changed (a profile, a slot's requirements): stored arcs of pairs no longer
     * eligible are removed, and the node's implicit arcs are checked at the next restore.
     */
    void pairsChanged(int node) {
        removePairArcs(node, true);
        toCheck.add(-1 - node);
    }

    private void removePairArcs(int node, boolean onlyIneligible) {
        for (int i = net.degree[node] - 1; i >= 0; i--) {
            int arc = net.adjacency[node][i];
            if (FlowNetwork.isPersonSlot(arc)) {
                int forward = arc & ~1;
                if (!onlyIneligible || !pairs.eligible(net.tail(forward), net.head[forward])) {
                    removeArc(forward);
                }
            }
        }
    }

    /**
     * Frees the stored person-slot arcs that carry no flow: their pairs are implicit again. One whose
     * reduced cost is negative (made cheaper since the last restore, which has yet to saturate it) stays.
     */
    void tidyPairArcs() {
        if (journal.recording || flowChanged.size() > 0) {
            throw new IllegalStateException("tidying a graph whose changes are still being read");
        }
        int kept = 0;
        for (int i = 0; i < pairArcsToTidy.size(); i++) {
            int arc = pairArcsToTidy.get(i);
            if (!net.isLive(arc) || !FlowNetwork.isPersonSlot(arc) || net.residual[arc ^ 1] != 0
                    || net.locked[arc] || net.locked[arc ^ 1]) {
                continue;
            }
            if (net.reducedSign(arc) < 0) {
                pairArcsToTidy.set(kept++, arc);
            } else {
                net.freeArc(arc);
            }
        }
        pairArcsToTidy.truncate(kept);
    }

    /** Stamps the partners of the node's stored person-slot arcs, so that enumerating its pairs skips them. */
    private int stampStoredPartners(int node) {
        if (stamp.length < net.nodeSlots) {
            stamp = Arrays.copyOf(stamp, Math.max(net.nodeSlots, stamp.length * 2));
        }
        int generation = ++stampGeneration;
        int[] arcs = net.adjacency[node];
        int degree = net.degree[node];
        for (int i = 0; i < degree; i++) {
            if (FlowNetwork.isPersonSlot(arcs[i])) {
                stamp[net.head[arcs[i]]] = generation;
            }
        }
        return generation;
    }

    /**
     * Lists in {@link #partners} (the first {@link #partnerCount}) the other ends of the node's pairs: the
     * slots a person may flow to, or the people a slot may draw from; returns the stamp that marks those
     * the graph stores, which are not implicit arcs and are skipped.
     */
    private int implicitPartners(int node) {
        int[] cached = cachingPairs ? pairCache[node] : null;
        if (cached == null) {
            scratch.clear();
            byte kind = net.kind[node];
            if (kind == FlowNetwork.PERSON) {
                pairs.slotsOf(node, scratch);
            } else if (kind == FlowNetwork.SLOT) {
                pairs.peopleOf(node, scratch);
            }
            if (cachingPairs) {
                cached = scratch.toArray();
                pairCache[node] = cached;
                cachedNodes.add(node);
            }
        }
        if (cached != null) {
            partners = cached;
            partnerCount = cached.length;
        } else {
            partners = scratch.array();
            partnerCount = scratch.size();
        }
        return stampStoredPartners(node);
    }

    /** From now until the restore ends, each node's pairs are listed once (nothing changes them meanwhile). */
    private void cachePairs() {
        if (!cachingPairs) {
            if (pairCache.length < net.nodeSlots) {
                pairCache = new int[Math.max(net.nodeSlots, pairCache.length * 2)][];
            }
            cachingPairs = true;
        }
    }

    private void dropPairCache() {
        for (int i = 0; i < cachedNodes.size(); i++) {
            pairCache[cachedNodes.get(i)] = null;
        }
        cachedNodes.clear();
        cachingPairs = false;
    }

    /** The sign of an implicit arc's reduced cost. */
    private int implicitReducedSign(int person, int slot) {
        long r1 = pairs.cost1(person, slot) + net.pi1[person] - net.pi1[slot];
        if (r1 != 0) {
            return Long.signum(r1);
        }
        long r2 = net.pi2[person] - net.pi2[slot];
        if (r2 != 0) {
            return Long.signum(r2);
        }
        return Long.signum(pairs.cost3(person, slot) + net.pi3[person] - net.pi3[slot]);
    }

    /** Saturates each of the node's implicit arcs whose reduced cost is negative (storing it first). */
    private void checkImplicitArcs(int node) {
        if (net.adjacency[node] == null) {
            return;
        }
        boolean person = net.kind[node] == FlowNetwork.PERSON;
        int generation = implicitPartners(node);
        for (int i = 0; i < partnerCount; i++) {
            int other = partners[i];
            if (stamp[other] == generation) {
                continue;
            }
            int from = person ? node : other;
            int to = person ? other : node;
            if (implicitReducedSign(from, to) < 0) {
                saturateIfNegative(store(from, to));
            }
        }
    }

    /** How a search path records that it went over an implicit arc: the node at its other end. */
    private static int viaImplicit(int other) {
        return -2 - other;
    }

    /** Removes an arc; flow still on it leaves its tail with a surplus and its head short. */
    void removeArc(int arc) {
        int flow = net.residual[arc ^ 1];
        if (flow > 0) {
            changeExcess(net.tail(arc), flow);
            changeExcess(net.head[arc], -flow);
        }
        net.freeArc(arc);
    }

    void setCost(int arc, long c1, long c2, long c3) {
        net.setCost(arc, c1, c2, c3);
        toCheck.add(arc);
    }

    /** Changes an arc's capacity; flow above the new capacity is taken off, leaving an imbalance. */
    void setCapacity(int arc, int capacity) {
        int flow = net.residual[arc ^ 1];
        if (flow > capacity) {
            int cut = flow - capacity;
            net.residual[arc ^ 1] = capacity;
            changeExcess(net.tail(arc), cut);
            changeExcess(net.head[arc], -cut);
            flow = capacity;
        }
        net.residual[arc] = capacity - flow;
        toCheck.add(arc);
    }

    /**
     * Takes {@code amount} of flow off an arc, as part of cancelling a whole cycle (the caller takes it off
     * every arc of the cycle, so the nodes stay balanced).
     */
    void takeFlow(int arc, int amount) {
        if (net.residual[arc ^ 1] < amount) {
            throw new IllegalStateException("arc " + arc + " carries " + net.residual[arc ^ 1] + ", not " + amount);
        }
        net.residual[arc ^ 1] -= amount;
        net.residual[arc] += amount;
        changeExcess(net.tail(arc), amount);
        changeExcess(net.head[arc], -amount);
        toCheck.add(arc);
        if (FlowNetwork.isPersonSlot(arc)) {
            pairArcsToTidy.add(arc);
        }
    }

    /**
     * Adds {@code amount} of flow on an arc, as part of sending it round a whole cycle (the caller adds it
     * on every arc of the cycle, so the nodes stay balanced).
     */
    void pushFlow(int arc, int amount) {
        if (net.residual[arc] < amount) {
            throw new IllegalStateException("arc " + arc + " has room for " + net.residual[arc] + ", not " + amount);
        }
        net.residual[arc] -= amount;
        net.residual[arc ^ 1] += amount;
        changeExcess(net.head[arc], amount);
        changeExcess(net.tail(arc), -amount);
        toCheck.add(arc);
    }

    /**
     * The slot's weight changed, and with it the cost of every arc entering {@code node} by the same
     * amount: stored arcs are given what the weight now says, implicit ones cost that already. The node's
     * potential moves with them, so their reduced costs stay as they were and only the node's other arcs
     * (checked at the next restore) can have become worth changing.
     */
    void shiftIncomingCosts(int node, long d1, long d2, long d3) {
        int[] stored = net.adjacency[node];
        for (int i = 0; i < net.degree[node]; i++) {
            if (FlowNetwork.isPersonSlot(stored[i])) {
                // What the slot's weight and holdings say now: an arc whose cost was set since the weight
                // changed (a holder released in the same change) already has it, and must not get it twice.
                int arc = stored[i] ^ 1;
                int person = net.tail(arc);
                net.setCost(arc, pairs.cost1(person, node), 0, pairs.cost3(person, node));
            }
        }
        net.pi1[node] += d1;
        net.pi2[node] += d2;
        net.pi3[node] += d3;
        int[] arcs = net.adjacency[node];
        for (int i = 0; i < net.degree[node]; i++) {
            toCheck.add(arcs[i] & ~1);
        }
    }

    int flow(int arc) {
        return net.residual[arc ^ 1];
    }

    int tail(int arc) {
        return net.tail(arc);
    }

    int head(int arc) {
        return net.head[arc];
    }

    /**
     * Makes {@code node}'s potential the least that keeps every residual arc leaving it at a reduced cost
     * of zero or more; arcs entering it are checked at the next restore.
     */
    void placeAfterOutgoing(int node) {
        place(node, true);
    }

    /**
     * Makes {@code node}'s potential the greatest that keeps every residual arc entering it at a reduced
     * cost of zero or more; arcs leaving it are checked at the next restore.
     */
    void placeBeforeIncoming(int node) {
        place(node, false);
    }

    private void place(int node, boolean afterOutgoing) {
        boolean any = false;
        long b1 = 0;
        long b2 = 0;
        long b3 = 0;
        int[] arcs = net.adjacency[node];
        for (int i = 0; i < net.degree[node]; i++) {
            // Outgoing: pi(node) >= pi(head) - c(arc). Incoming (the twin): pi(node) <= pi(tail) + c(twin).
            int arc = afterOutgoing ? arcs[i] : arcs[i] ^ 1;
            int other = afterOutgoing ? net.head[arc] : net.tail(arc);
            if (net.isResidual(arc)) {
                int sign = afterOutgoing ? -1 : 1;
                long v1 = net.pi1[other] + sign * net.cost1[arc];
                long v2 = net.pi2[other] + sign * net.cost2[arc];
                long v3 = net.pi3[other] + sign * net.cost3[arc];
                int order = compare(v1, v2, v3, b1, b2, b3);
                if (!any || (afterOutgoing ? order > 0 : order < 0)) {
                    b1 = v1;
                    b2 = v2;
                    b3 = v3;
                    any = true;
                }
            }
            toCheck.add(arcs[i] & ~1);
        }
        byte kind = net.kind[node];
        if (afterOutgoing ? kind == FlowNetwork.PERSON : kind == FlowNetwork.SLOT) {
            // Implicit arcs leave people and enter slots, and carry no flow, so they are residual.
            int generation = implicitPartners(node);
            for (int i = 0; i < partnerCount; i++) {
                int other = partners[i];
                if (stamp[other] == generation) {
                    continue;
                }
                int person = afterOutgoing ? node : other;
                int slot = afterOutgoing ? other : node;
                long c1 = pairs.cost1(person, slot);
                long c3 = pairs.cost3(person, slot);
                long v1 = afterOutgoing ? net.pi1[other] - c1 : net.pi1[other] + c1;
                long v2 = net.pi2[other];
                long v3 = afterOutgoing ? net.pi3[other] - c3 : net.pi3[other] + c3;
                int order = compare(v1, v2, v3, b1, b2, b3);
                if (!any || (afterOutgoing ? order > 0 : order < 0)) {
                    b1 = v1;
                    b2 = v2;
                    b3 = v3;
                    any = true;
                }
            }
        }
        if (any) {
            net.pi1[node] = b1;
            net.pi2[node] = b2;
            net.pi3[node] = b3;
        }
    }

    // ---- locks (the churn budget) ------------------------------------------------------------------

    /** Forbids sending flow back over {@code arc}: its current flow stays until {@link #unlockAll}. */
    void lockFlow(int arc) {
        net.locked[arc ^ 1] = true;
    }

    /** Lifts the lock on one arc (its holder left); the arc is checked at the next restore. */
    void unlock(int arc) {
        if (net.locked[arc ^ 1]) {
            net.locked[arc ^ 1] = false;
            toCheck.add(arc);
        }
    }

    /** Lifts the locks on these arcs; the arcs it frees are checked at the next restore. */
    void unlockAll(IntList lockedArcs) {
        for (int i = 0; i < lockedArcs.size(); i++) {
            int arc = lockedArcs.get(i);
            if (net.isLive(arc) && net.locked[arc ^ 1]) {
                net.locked[arc ^ 1] = false;
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
                case FlowJournal.RESIDUAL -> {
                    net.residual[index] = (int) journal.v1[i];
                    net.residual[index ^ 1] = (int) journal.v2[i];
                }
                case FlowJournal.EXCESS -> setExcess(index, (int) journal.v1[i]);
                case FlowJournal.POTENTIAL -> {
                    net.pi1[index] = journal.v1[i];
                    net.pi2[index] = journal.v2[i];
                    net.pi3[index] = journal.v3[i];
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
            if (arc < 0) {
                checkImplicitArcs(-1 - arc);
            } else if (net.isLive(arc)) {
                saturateIfNegative(arc);
                saturateIfNegative(arc ^ 1);
            }
        }
        toCheck.clear();
        while (unbalanced.size() > 0) {
            if (surplusUnits() > PHASE_THRESHOLD) {
                cachePairs();
                sendAlongAllShortestPaths();
                continue;
            }
            boolean backwards = degreeOf(-1) < degreeOf(1);
            int end = backwards ? nearestSurplusBackwards() : shortestPathToShortage();
            if (end < 0) {
                throw new IllegalStateException("no path carries the surplus to a node short of flow: "
                        + unbalanced.size() + " nodes unbalanced");
            }
            if (backwards) {
                augment(end, true);
                shiftPotentials(-1, frontier.d1[end], frontier.d2[end], frontier.d3[end]);
            } else {
                augment(end, false);
                shiftPotentials(1, frontier.d1[end], frontier.d2[end], frontier.d3[end]);
            }
        }
        dropPairCache();
        renormaliseIfDrifted();
    }

    /** Units of surplus waiting to be sent. */
    private int surplusUnits() {
        int units = 0;
        for (int i = 0; i < unbalanced.size(); i++) {
            units += Math.max(0, net.excess[unbalanced.get(i)]);
        }
        return units;
    }

    /** The arcs a search would start from: of the nodes with surplus (sign 1) or short of flow (-1). */
    private long degreeOf(int sign) {
        long degree = 0;
        for (int i = 0; i < unbalanced.size(); i++) {
            int node = unbalanced.get(i);
            if (Integer.signum(net.excess[node]) == sign) {
                degree += net.degree[node] + pairs.estimatedPairs(node);
            }
        }
        return degree;
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
        if (!net.isResidual(arc) || net.reducedSign(arc) >= 0) {
            return;
        }
        int amount = net.residual[arc];
        setResidual(arc, 0, net.residual[arc ^ 1] + amount);
        changeExcess(net.head[arc], amount);
        changeExcess(net.tail(arc), -amount);
        noteFlowChange(arc);
    }

    /** Dijkstra from every node with surplus; returns the first settled node short of flow, or -1. */
    private int shortestPathToShortage() {
        startSearchFrom(1);
        while (!frontier.isEmpty()) {
            int node = frontier.poll();
            if (net.excess[node] < 0) {
                return node;
            }
            relax(node, true);
        }
        return -1;
    }

    /**
     * Dijkstra backwards, along residual arcs reversed, from every node short of flow; returns the first
     * settled node with surplus, or -1. Chosen when the nodes short of flow have fewer arcs to start from
     * (a slot wanting a person, against the hub with an arc to everyone).
     */
    private int nearestSurplusBackwards() {
        startSearchFrom(-1);
        while (!frontier.isEmpty()) {
            int node = frontier.poll();
            if (net.excess[node] > 0) {
                return node;
            }
            relax(node, false);
        }
        return -1;
    }

    /**
     * A primal-dual phase, for many units of surplus at once (a pool solved from an empty flow): one full
     * Dijkstra makes every shortest path's arcs of zero reduced cost, then flow is sent along those arcs
     * until none is left, depth first.
     */
    private void sendAlongAllShortestPaths() {
        startSearchFrom(1);
        long m1 = 0;
        long m2 = 0;
        long m3 = 0;
        while (!frontier.isEmpty()) {
            int node = frontier.poll();
            m1 = frontier.d1[node];
            m2 = frontier.d2[node];
            m3 = frontier.d3[node];
            relax(node, true);
        }
        shiftPotentials(1, m1, m2, m3);
        if (blockingFlow() == 0) {
            // Zero-cost cycles can make the depth-first search prune too eagerly; one path always goes.
            int end = shortestPathToShortage();
            augment(end, false);
            shiftPotentials(1, frontier.d1[end], frontier.d2[end], frontier.d3[end]);
        }
    }

    /** A new search from every node with surplus ({@code sign} 1) or short of flow (-1). */
    private void startSearchFrom(int sign) {
        frontier.ensureNodes(net.nodeSlots);
        frontier.start();
        for (int i = 0; i < unbalanced.size(); i++) {
            int node = unbalanced.get(i);
            if (Integer.signum(net.excess[node]) == sign) {
                frontier.offer(node, 0, 0, 0, -1);
            }
        }
    }

    /**
     * Reaches a settled node's neighbours along residual arcs: the arcs leaving it in a forward search
     * ({@code forward}), the arcs entering it in a backward one; then its implicit arcs, which leave
     * people and enter slots.
     */
    private void relax(int node, boolean forward) {
        int[] arcs = net.adjacency[node];
        int degree = net.degree[node];
        for (int i = 0; i < degree; i++) {
            int arc = forward ? arcs[i] : arcs[i] ^ 1;
            if (!net.isResidual(arc)) {
                continue;
            }
            int other = net.head[arcs[i]];
            if (frontier.isSettled(other)) {
                continue;
            }
            int from = net.tail(arc);
            int to = net.head[arc];
            frontier.offer(other, frontier.d1[node] + net.cost1[arc] + net.pi1[from] - net.pi1[to],
                    frontier.d2[node] + net.cost2[arc] + net.pi2[from] - net.pi2[to],
                    frontier.d3[node] + net.cost3[arc] + net.pi3[from] - net.pi3[to], arc);
        }
        if (net.kind[node] == (forward ? FlowNetwork.PERSON : FlowNetwork.SLOT)) {
            offerImplicitArcs(node);
        }
    }

    /**
     * Reaches the other ends of a settled node's implicit arcs: a person's slots in a forward search, a
     * slot's people in a backward one. Either way the arc runs from the person to the slot, so its reduced
     * cost is {@code c + pi(person) - pi(slot)}.
     */
    private void offerImplicitArcs(int node) {
        boolean fromPerson = net.kind[node] == FlowNetwork.PERSON;
        int generation = implicitPartners(node);
        for (int i = 0; i < partnerCount; i++) {
            int other = partners[i];
            if (stamp[other] == generation || frontier.isSettled(other)) {
                continue;
            }
            int person = fromPerson ? node : other;
            int slot = fromPerson ? other : node;
            frontier.offer(other, frontier.d1[node] + pairs.cost1(person, slot) + net.pi1[person] - net.pi1[slot],
                    frontier.d2[node] + net.pi2[person] - net.pi2[slot],
                    frontier.d3[node] + pairs.cost3(person, slot) + net.pi3[person] - net.pi3[slot],
                    viaImplicit(node));
        }
    }

    /** Sends unit after unit from surplus to shortage along arcs of zero reduced cost; returns how many. */
    private int blockingFlow() {
        int nodes = net.nodeSlots;
        if (currentArc.length < nodes) {
            int size = Math.max(nodes, currentArc.length * 2);
            currentArc = new int[size];
            currentImplicit = new int[size];
            dead = new boolean[size];
            onPath = new boolean[size];
            pathArcs = new int[size];
        }
        Arrays.fill(currentArc, 0, nodes, 0);
        Arrays.fill(currentImplicit, 0, nodes, 0);
        Arrays.fill(dead, 0, nodes, false);
        IntList sources = new IntList();
        for (int i = 0; i < unbalanced.size(); i++) {
            if (net.excess[unbalanced.get(i)] > 0) {
                sources.add(unbalanced.get(i));
            }
        }
        int sent = 0;
        for (int i = 0; i < sources.size(); i++) {
            int source = sources.get(i);
            while (net.excess[source] > 0 && !dead[source] && admissiblePath(source) >= 0) {
                sent++;
            }
        }
        return sent;
    }

    /** Per node: the next stored arc to try, and the next of its pairs (in {@link #pairCache}). */
    private int[] currentArc = new int[0];
    private int[] currentImplicit = new int[0];
    private boolean[] dead = new boolean[0];
    private boolean[] onPath = new boolean[0];
    private int[] pathArcs = new int[0];

    /** One unit from {@code source} along admissible arcs to a node short of flow; returns it, or -1. */
    private int admissiblePath(int source) {
        int depth = 0;
        int node = source;
        onPath[source] = true;
        while (true) {
            if (net.excess[node] < 0) {
                for (int i = 0; i < depth; i++) {
                    int arc = pathArcs[i];
                    setResidual(arc, net.residual[arc] - 1, net.residual[arc ^ 1] + 1);
                    noteFlowChange(arc);
                    onPath[net.head[arc]] = false;
                }
                onPath[source] = false;
                changeExcess(source, -1);
                changeExcess(node, 1);
                return node;
            }
            int arc = nextAdmissibleArc(node);
            if (arc < 0) {
                dead[node] = true;
                onPath[node] = false;
                if (depth == 0) {
                    return -1;
                }
                depth--;
                node = net.tail(pathArcs[depth]);
                currentArc[node]++;
                continue;
            }
            pathArcs[depth++] = arc;
            node = net.head[arc];
            onPath[node] = true;
        }
    }

    /**
     * The node's next arc of zero reduced cost to a live node off the path, leaving its cursor on it: stored
     * arcs first, then (from a person) implicit ones, each stored when taken, so that it lands where the
     * cursor stands.
     */
    private int nextAdmissibleArc(int node) {
        int[] arcs = net.adjacency[node];
        int at = currentArc[node];
        while (at < net.degree[node]) {
            int arc = arcs[at];
            int to = net.head[arc];
            if (net.isResidual(arc) && !dead[to] && !onPath[to] && net.reducedSign(arc) == 0) {
                currentArc[node] = at;
                return arc;
            }
            at++;
        }
        currentArc[node] = at;
        if (net.kind[node] != FlowNetwork.PERSON) {
            return -1;
        }
        implicitPartners(node);
        int[] slots = partners;
        int count = partnerCount;
        for (int k = currentImplicit[node]; k < count; k++) {
            int slot = slots[k];
            if (!dead[slot] && !onPath[slot] && implicitReducedSign(node, slot) == 0 && pairArc(node, slot) < 0) {
                currentImplicit[node] = k + 1;
                return store(node, slot);
            }
        }
        currentImplicit[node] = count;
        return -1;
    }

    /**
     * Sends flow along the path a search found to {@code end}: back from the node short of flow to the
     * surplus after a forward search, or on from the surplus to the node short of flow after a backward
     * one; as much as the path, the surplus and the shortage allow.
     */
    private void augment(int end, boolean backwards) {
        int[] via = frontier.viaArc;
        for (int node = end; via[node] != -1; node = next(via[node], backwards)) {
            if (via[node] <= -2) {
                int other = -2 - via[node];
                via[node] = backwards ? store(node, other) : store(other, node);
            }
        }
        int amount = Math.abs(net.excess[end]);
        int start = end;
        for (int node = end; via[node] >= 0; node = next(via[node], backwards)) {
            amount = Math.min(amount, net.residual[via[node]]);
            start = next(via[node], backwards);
        }
        amount = Math.min(amount, Math.abs(net.excess[start]));
        for (int node = end; via[node] >= 0; node = next(via[node], backwards)) {
            int arc = via[node];
            setResidual(arc, net.residual[arc] - amount, net.residual[arc ^ 1] + amount);
            noteFlowChange(arc);
        }
        int source = backwards ? end : start;
        int target = backwards ? start : end;
        changeExcess(source, -amount);
        changeExcess(target, amount);
    }

    /** The next node along a found path: the arc's tail walking back, its head walking on. */
    private int next(int arc, boolean backwards) {
        return backwards ? net.head[arc] : net.tail(arc);
    }

    /**
     * pi(v) += d(v) - D for every settled node after a forward search ({@code sign} 1), pi(v) += D - d(v)
     * after a backward one (-1): keeps every reduced cost non-negative, and touches no other node.
     */
    private void shiftPotentials(int sign, long t1, long t2, long t3) {
        IntList settled = frontier.settledNodes;
        for (int i = 0; i < settled.size(); i++) {
            int node = settled.get(i);
            if (journal.recording) {
                journal.add(FlowJournal.POTENTIAL, node, net.pi1[node], net.pi2[node], net.pi3[node]);
            }
            net.pi1[node] += sign * (frontier.d1[node] - t1);
            net.pi2[node] += sign * (frontier.d2[node] - t2);
            net.pi3[node] += sign * (frontier.d3[node] - t3);
        }
    }

    private void renormaliseIfDrifted() {
        long s1 = net.pi1[HUB];
        long s2 = net.pi2[HUB];
        long s3 = net.pi3[HUB];
        if (Math.abs(s1) < DRIFT_LIMIT && Math.abs(s2) < DRIFT_LIMIT && Math.abs(s3) < DRIFT_LIMIT) {
            return;
        }
        for (int node = 0; node < net.nodeSlots; node++) {
            if (journal.recording) {
                journal.add(FlowJournal.POTENTIAL, node, net.pi1[node], net.pi2[node], net.pi3[node]);
            }
            net.pi1[node] -= s1;
            net.pi2[node] -= s2;
            net.pi3[node] -= s3;
        }
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
            if (FlowNetwork.isPersonSlot(arc)) {
                pairArcsToTidy.add(arc & ~1);
            }
        }
    }

    private void setResidual(int arc, int forward, int backward) {
        if (journal.recording) {
            journal.add(FlowJournal.RESIDUAL, arc, net.residual[arc], net.residual[arc ^ 1], 0);
        }
        net.residual[arc] = forward;
        net.residual[arc ^ 1] = backward;
    }

    private void changeExcess(int node, int delta) {
        if (journal.recording) {
            journal.add(FlowJournal.EXCESS, node, net.excess[node], 0, 0);
        }
        setExcess(node, net.excess[node] + delta);
    }

    private void setExcess(int node, int value) {
        boolean was = net.excess[node] != 0;
        net.excess[node] = value;
        if (value != 0 && !was) {
            unbalanced.add(node);
        } else if (value == 0 && was) {
            unbalanced.remove(node);
        }
    }
}
