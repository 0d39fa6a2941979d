package dev.staffing.assignment.engine;

import java.util.Arrays;

/**
 * Dijkstra's frontier over lexicographic distances {@code (d1, d2, d3)}: an indexed binary heap, and per
 * node its distance and the arc it was reached by. Reset by a generation counter rather than by
 * clearing, so a search that settles ten nodes costs ten nodes, however large the network.
 */
final class SearchFrontier {

    long[] d1 = new long[0];
    long[] d2 = new long[0];
    long[] d3 = new long[0];
    int[] viaArc = new int[0];
    /** The nodes settled by the current search, in the order settled. */
    final IntList settledNodes = new IntList();

    private int[] reached = new int[0];
    private int[] settled = new int[0];
    private int generation;
    private int[] heap = new int[0];
    private int[] heapIndex = new int[0];
    private int size;

    void ensureNodes(int nodes) {
        if (nodes > d1.length) {
            int grown = Math.max(nodes, d1.length * 2);
            d1 = Arrays.copyOf(d1, grown);
            d2 = Arrays.copyOf(d2, grown);
            d3 = Arrays.copyOf(d3, grown);
            viaArc = Arrays.copyOf(viaArc, grown);
            reached = Arrays.copyOf(reached, grown);
            settled = Arrays.copyOf(settled, grown);
            heap = Arrays.copyOf(heap, grown);
            heapIndex = Arrays.copyOf(heapIndex, grown);
        }
    }

    /** Forgets the previous search. */
    void start() {
        generation++;
        size = 0;
        settledNodes.clear();
    }

    /** Reaches {@code node} at this distance by {@code arc} (-1 for a source), unless it is reached closer. */
    void offer(int node, long a, long b, long c, int arc) {
        if (reached[node] != generation) {
            reached[node] = generation;
            set(node, a, b, c, arc);
            heap[size] = node;
            heapIndex[node] = size;
            size++;
            siftUp(size - 1);
        } else if (settled[node] != generation && FlowGraph.compare(a, b, c, d1[node], d2[node], d3[node]) < 0) {
            set(node, a, b, c, arc);
            siftUp(heapIndex[node]);
        }
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Takes the nearest node off the frontier and settles it. */
    int poll() {
        int top = heap[0];
        size--;
        if (size > 0) {
            heap[0] = heap[size];
            heapIndex[heap[0]] = 0;
            siftDown(0);
        }
        settled[top] = generation;
        settledNodes.add(top);
        return top;
    }

    boolean isSettled(int node) {
        return settled[node] == generation;
    }

    private void set(int node, long a, long b, long c, int arc) {
        d1[node] = a;
        d2[node] = b;
        d3[node] = c;
        viaArc[node] = arc;
    }

    private boolean nearer(int a, int b) {
        int c = FlowGraph.compare(d1[a], d2[a], d3[a], d1[b], d2[b], d3[b]);
        return c < 0 || (c == 0 && a < b);
    }

    private void siftUp(int at) {
        int node = heap[at];
        while (at > 0) {
            int parent = (at - 1) >> 1;
            if (!nearer(node, heap[parent])) {
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
            if (child >= size) {
                break;
            }
            if (child + 1 < size && nearer(heap[child + 1], heap[child])) {
                child++;
            }
            if (!nearer(heap[child], node)) {
                break;
            }
            heap[at] = heap[child];
            heapIndex[heap[at]] = at;
            at = child;
        }
        heap[at] = node;
        heapIndex[node] = at;
    }
}
