package dev.staffing.assignment.engine;

import java.util.Arrays;

/**
 * What one attempt to restore the optimum changed (residual capacities, imbalances, potentials, arcs
 * checked), so that an attempt the churn budget rejects can be undone exactly.
 */
final class FlowJournal {

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

    /** Forgets the entries; a journal grown by a large solve gives its memory back. */
    void clear() {
        if (kind.length > 4096) {
            kind = new int[64];
            index = new int[64];
            v1 = new long[64];
            v2 = new long[64];
            v3 = new long[64];
        }
        size = 0;
        checked.clear();
    }
}
