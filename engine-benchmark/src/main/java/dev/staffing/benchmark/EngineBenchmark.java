package dev.staffing.benchmark;

import dev.staffing.assignment.engine.AssignmentEngine;
import dev.staffing.assignment.engine.Decision;
import dev.staffing.assignment.engine.FlowAssignmentEngine;
import dev.staffing.assignment.engine.PoolState;
import dev.staffing.assignment.engine.SeatDemand;
import dev.staffing.assignment.engine.SeatKey;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The engine benchmark (never a test): for each organisation size and for full-time-only ("unit") and
 * mixed-allocation organisations, side by side in one run, the filled weight as a fraction of CP-SAT's
 * proven optimum (on the first pools), the full-rebuild time, per-event latency percentiles, and heap
 * per person. Arguments: {@code --sizes 1000,10000,100000 --pool-size 1000 --events 300 --seed 42
 * --optimum-pools 10 --optimum-seconds 20}.
 */
public final class EngineBenchmark {

    private EngineBenchmark() {
    }

    public static void main(String[] args) {
        Map<String, String> options = options(args);
        int[] sizes = Arrays.stream(options.getOrDefault("sizes", "1000,10000,100000").split(","))
                .mapToInt(Integer::parseInt).toArray();
        int poolSize = Integer.parseInt(options.getOrDefault("pool-size", "1000"));
        int events = Integer.parseInt(options.getOrDefault("events", "300"));
        long seed = Long.parseLong(options.getOrDefault("seed", "42"));
        int optimumPools = Integer.parseInt(options.getOrDefault("optimum-pools", "10"));
        OptimumSolver solver = new OptimumSolver(Double.parseDouble(options.getOrDefault("optimum-seconds", "20")));
        AssignmentEngine engine = new FlowAssignmentEngine();

        System.out.println("| people | kind | pools | seats | filled / optimum or bound (pools checked, proven optimal) | rebuild ms "
                + "| event p50 ms | event p99 ms | event max ms | heap bytes/person |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        for (int size : sizes) {
            for (boolean unit : new boolean[] {true, false}) {
                System.out.println(row(size, unit, poolSize, events, seed, optimumPools, solver, engine));
            }
        }
    }

    private static String row(int size, boolean unit, int poolSize, int events, long seed, int optimumPools,
            OptimumSolver solver, AssignmentEngine engine) {
        long heapBefore = settledHeap();
        List<PoolState> pools = new OrganisationGenerator(seed, unit).pools(size, poolSize);
        long start = System.nanoTime();
        List<Decision> decisions = new ArrayList<>();
        for (PoolState pool : pools) {
            decisions.add(engine.decide(pool));
        }
        double rebuildMs = (System.nanoTime() - start) / 1e6;
        long heapPerPerson = (settledHeap() - heapBefore) / size;

        long filled = 0;
        long optimum = 0;
        int proven = 0;
        int checked = Math.min(optimumPools, pools.size());
        for (int i = 0; i < checked; i++) {
            long achieved = weight(pools.get(i), decisions.get(i));
            filled += achieved;
            OptimumSolver.Optimum best = solver.solve(pools.get(i), achieved);
            optimum += best.bound();
            proven += best.proven() ? 1 : 0;
        }
        long[] nanos = new EventSimulator(engine, seed).run(pools, decisions, events);
        Arrays.sort(nanos);
        int seats = pools.stream().mapToInt(pool -> pool.seats().size()).sum();
        return String.format("| %,d | %s | %d | %,d | %.4f (%d, %d proven) | %.0f | %.2f | %.2f | %.2f | %,d |", size,
                unit ? "unit" : "mixed", pools.size(), seats, (double) filled / optimum, checked, proven, rebuildMs,
                percentile(nanos, 0.50), percentile(nanos, 0.99), nanos[nanos.length - 1] / 1e6, heapPerPerson);
    }

    private static long weight(PoolState pool, Decision decision) {
        Map<SeatKey, Long> weights = new HashMap<>();
        for (SeatDemand seat : pool.seats()) {
            weights.put(seat.key(), seat.weight());
        }
        return decision.holdings().stream().mapToLong(holding -> weights.get(holding.seat())).sum();
    }

    private static double percentile(long[] sorted, double fraction) {
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(fraction * sorted.length))] / 1e6;
    }

    /** Heap in use after collecting until it stops shrinking, so garbage of earlier rows is not counted. */
    private static long settledHeap() {
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

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return options;
    }
}
