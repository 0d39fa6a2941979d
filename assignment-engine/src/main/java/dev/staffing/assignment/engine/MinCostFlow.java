package dev.staffing.assignment.engine;

import java.util.Arrays;
import java.util.PriorityQueue;

/**
 * Minimum-cost flow by the primal-dual method: Dijkstra with Johnson potentials finds the cost of the
 * shortest source-to-sink path, then a blocking flow over all paths of that cost (the arcs of zero
 * reduced cost) is sent at once, phase after phase, until no path lowers the total cost; that gives the
 * flow of least cost (not the largest flow). For networks that are acyclic before any flow is sent, so
 * the first potentials come from one pass in node order. Deterministic: arcs are tried in a fixed order.
 */
final class MinCostFlow {

    private static final long UNREACHED = Long.MAX_VALUE / 4;

    private final int nodes;
    private int[] head;
    private int[] next = new int[16];
    private int[] to = new int[16];
    private int[] capacity = new int[16];
    private long[] cost = new long[16];
    private int arcs;

    /** Nodes are numbered 0..nodes-1 in an order in which every arc goes from a lower to a higher node. */
    MinCostFlow(int nodes) {
        this.nodes = nodes;
        this.head = new int[nodes];
        Arrays.fill(head, -1);
    }

    /** Adds an arc and its residual twin; returns the arc's number, for {@link #flow(int)}. */
    int addArc(int from, int target, int arcCapacity, long arcCost) {
        if (target <= from) {
            throw new IllegalArgumentException("arc " + from + "->" + target + " goes against the node order");
        }
        int arc = arcs;
        append(from, target, arcCapacity, arcCost);
        append(target, from, 0, -arcCost);
        return arc;
    }

    /** The flow on an arc. */
    int flow(int arc) {
        return capacity[arc ^ 1];
    }

    /** Sends flow from {@code source} to {@code sink} while that lowers the cost; returns the total cost. */
    long minimise(int source, int sink) {
        long[] potential = initialPotentials(source);
        long[] distance = new long[nodes];
        int[] viaArc = new int[nodes];
        long total = 0;
        while (true) {
            shortestPaths(source, potential, distance, viaArc);
            if (distance[sink] >= UNREACHED) {
                return total;
            }
            long pathCost = distance[sink] + potential[sink] - potential[source];
            if (pathCost >= 0) {
                return total;
            }
            for (int node = 0; node < nodes; node++) {
                if (distance[node] < UNREACHED) {
                    potential[node] += distance[node];
                }
            }
            int sent = blockingFlow(source, sink, potential);
            if (sent == 0) {
                // The depth-first search can prune too eagerly around zero-cost cycles; the shortest path
                // Dijkstra found is still there, so send along it.
                for (int node = sink; node != source; node = to[viaArc[node] ^ 1]) {
                    capacity[viaArc[node]]--;
                    capacity[viaArc[node] ^ 1]++;
                }
                sent = 1;
            }
            total += pathCost * sent;
        }
    }

    /** Sends unit after unit along arcs of zero reduced cost until no such path is left; returns how many. */
    private int blockingFlow(int source, int sink, long[] potential) {
        int[] currentArc = head.clone();
        boolean[] dead = new boolean[nodes];
        int[] pathArcs = new int[nodes];
        boolean[] onPath = new boolean[nodes];
        int sent = 0;
        int depth = 0;
        int node = source;
        onPath[source] = true;
        while (true) {
            if (node == sink) {
                for (int i = 0; i < depth; i++) {
                    capacity[pathArcs[i]]--;
                    capacity[pathArcs[i] ^ 1]++;
                    onPath[to[pathArcs[i]]] = false;
                }
                sent++;
                depth = 0;
                node = source;
                continue;
            }
            int arc = currentArc[node];
            while (arc != -1 && (capacity[arc] <= 0 || dead[to[arc]] || onPath[to[arc]]
                    || cost[arc] + potential[node] - potential[to[arc]] != 0)) {
                arc = next[arc];
            }
            currentArc[node] = arc;
            if (arc == -1) {
                dead[node] = true;
                if (depth == 0) {
                    return sent;
                }
                onPath[node] = false;
                depth--;
                node = to[pathArcs[depth] ^ 1];
                currentArc[node] = next[currentArc[node]];
                continue;
            }
            pathArcs[depth++] = arc;
            node = to[arc];
            onPath[node] = true;
        }
    }

    private long[] initialPotentials(int source) {
        long[] potential = new long[nodes];
        Arrays.fill(potential, UNREACHED);
        potential[source] = 0;
        for (int node = 0; node < nodes; node++) {
            if (potential[node] >= UNREACHED) {
                continue;
            }
            for (int arc = head[node]; arc != -1; arc = next[arc]) {
                if (capacity[arc] > 0 && potential[node] + cost[arc] < potential[to[arc]]) {
                    potential[to[arc]] = potential[node] + cost[arc];
                }
            }
        }
        for (int node = 0; node < nodes; node++) {
            if (potential[node] >= UNREACHED) {
                potential[node] = 0;
            }
        }
        return potential;
    }

    private void shortestPaths(int source, long[] potential, long[] distance, int[] viaArc) {
        Arrays.fill(distance, UNREACHED);
        Arrays.fill(viaArc, -1);
        distance[source] = 0;
        PriorityQueue<long[]> queue = new PriorityQueue<>((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0])
                : Long.compare(a[1], b[1]));
        queue.add(new long[] {0, source});
        while (!queue.isEmpty()) {
            long[] entry = queue.poll();
            int node = (int) entry[1];
            if (entry[0] > distance[node]) {
                continue;
            }
            for (int arc = head[node]; arc != -1; arc = next[arc]) {
                if (capacity[arc] <= 0) {
                    continue;
                }
                int target = to[arc];
                long candidate = distance[node] + cost[arc] + potential[node] - potential[target];
                if (candidate < distance[target]) {
                    distance[target] = candidate;
                    viaArc[target] = arc;
                    queue.add(new long[] {candidate, target});
                }
            }
        }
    }

    private void append(int from, int target, int arcCapacity, long arcCost) {
        if (arcs == to.length) {
            int size = arcs * 2;
            next = Arrays.copyOf(next, size);
            to = Arrays.copyOf(to, size);
            capacity = Arrays.copyOf(capacity, size);
            cost = Arrays.copyOf(cost, size);
        }
        to[arcs] = target;
        capacity[arcs] = arcCapacity;
        cost[arcs] = arcCost;
        next[arcs] = head[from];
        head[from] = arcs;
        arcs++;
    }
}
