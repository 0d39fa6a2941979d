package dev.staffing.benchmark;

import java.lang.management.ManagementFactory;

/** The heap in use, measured so that garbage is not counted. */
final class Heap {

    private Heap() {
    }

    /** Heap in use after collecting until it stops shrinking, so garbage of earlier rows is not counted. */
    static long settled() {
        long used = Long.MAX_VALUE;
        for (int round = 0; round < 10; round++) {
            System.gc();
            long now = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            if (now >= used) {
                return now;
            }
            used = now;
        }
        return used;
    }
}
