package dev.staffing.benchmark;

import dev.staffing.assignment.engine.EngineSettings;
import dev.staffing.assignment.engine.PoolDecision;
import dev.staffing.assignment.engine.PoolSnapshot;
import dev.staffing.assignment.engine.StaffingPool;
import java.util.ArrayList;
import java.util.List;

/**
 * Every pool of an organisation restored from its snapshot and decided once, as the service does at
 * start: the time it took for all of them, and how much the first decisions changed (everything, from
 * snapshots with nothing decided; nothing at all, from snapshots of decided pools).
 */
record Rebuild(List<StaffingPool> pools, long nanos, long changes) {

    static Rebuild of(List<PoolSnapshot> snapshots, EngineSettings settings) {
        List<StaffingPool> pools = new ArrayList<>(snapshots.size());
        long changes = 0;
        long start = System.nanoTime();
        for (PoolSnapshot snapshot : snapshots) {
            StaffingPool pool = StaffingPool.restore(snapshot, settings);
            changes += size(pool.decide());
            pools.add(pool);
        }
        return new Rebuild(List.copyOf(pools), System.nanoTime() - start, changes);
    }

    static List<PoolSnapshot> snapshots(List<StaffingPool> pools) {
        return pools.stream().map(StaffingPool::snapshot).toList();
    }

    double millis() {
        return nanos / 1e6;
    }

    /** Everything a decision reports: assignments, releases, reallocations, gap changes, a held-back rebalance. */
    static long size(PoolDecision decision) {
        return decision.changes().size() + decision.reallocated().size() + decision.gapChanges().size()
                + (decision.heldBack().any() ? 1 : 0);
    }
}
