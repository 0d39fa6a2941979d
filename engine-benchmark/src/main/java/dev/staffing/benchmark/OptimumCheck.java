package dev.staffing.benchmark;

import dev.staffing.assignment.engine.Holding;
import dev.staffing.assignment.engine.PoolSnapshot;
import dev.staffing.assignment.engine.ProjectDemand;
import dev.staffing.assignment.engine.SlotDemand;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The weight the engine filled on the first pools of an organisation against OR-Tools' optimum (or
 * CP-SAT's bound where it proves nothing in time, which understates the engine). Pools with more seats
 * than {@code maxSeats} are left out: the models grow past what the solvers answer in reasonable time.
 */
final class OptimumCheck {

    /** Filled and optimal weight summed over the pools checked; {@code proven}: how many optimums are proven. */
    record Result(long filled, long optimum, int checked, int proven) {

        String format() {
            return checked == 0 ? "n/a" : String.format("%.4f (%d, %d proven)", (double) filled / optimum, checked,
                    proven);
        }
    }

    private final OptimumSolver solver;
    private final int pools;
    private final int maxSeats;

    OptimumCheck(OptimumSolver solver, int pools, int maxSeats) {
        this.solver = solver;
        this.pools = pools;
        this.maxSeats = maxSeats;
    }

    /** @param decided snapshots of decided pools: their holdings are what the engine filled */
    Result check(List<PoolSnapshot> decided) {
        long filled = 0;
        long optimum = 0;
        int checked = 0;
        int proven = 0;
        for (PoolSnapshot pool : decided.subList(0, Math.min(pools, decided.size()))) {
            if (seats(pool) > maxSeats) {
                continue;
            }
            long achieved = filledWeight(pool);
            OptimumSolver.Optimum best = solver.solve(pool, achieved);
            filled += achieved;
            optimum += best.bound();
            checked++;
            proven += best.proven() ? 1 : 0;
        }
        return new Result(filled, optimum, checked, proven);
    }

    static long seats(PoolSnapshot pool) {
        return pool.projects().stream().flatMap(project -> project.slots().stream()).mapToLong(SlotDemand::seats).sum();
    }

    static long filledWeight(PoolSnapshot pool) {
        Map<String, Long> weights = new HashMap<>();
        for (ProjectDemand project : pool.projects()) {
            for (SlotDemand slot : project.slots()) {
                weights.put(project.id() + "/" + slot.slotId(), slot.weight());
            }
        }
        long filled = 0;
        for (Holding holding : pool.holdings()) {
            filled += weights.get(holding.seat().projectId() + "/" + holding.seat().slotId());
        }
        return filled;
    }
}
