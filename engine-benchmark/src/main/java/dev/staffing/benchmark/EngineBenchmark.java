package dev.staffing.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The engine benchmark (never a test): for each organisation size, full-time-only ("unit", decided
 * exactly) and mixed-allocation ("mixed", decided greedily) side by side in one run, the filled weight
 * as a fraction of OR-Tools' optimum on the first pools, the full-rebuild time cold and on restart,
 * the latency of one event (the change plus {@code decide()}) at p50, p99, p99.9 and max, and the heap
 * per person. Options: see {@link BenchmarkOptions}.
 */
public final class EngineBenchmark {

    private EngineBenchmark() {
    }

    public static void main(String[] args) {
        BenchmarkOptions options = BenchmarkOptions.parse(args);
        OptimumCheck optimumCheck = new OptimumCheck(new OptimumSolver(options.optimumSeconds()),
                options.optimumPools(), options.optimumMaxSeats());
        OrganisationBenchmark benchmark = new OrganisationBenchmark(options, optimumCheck);
        benchmark.warmUp();

        System.out.println(BenchmarkRow.HEADER);
        List<OrganisationBenchmark.Measured> measured = new ArrayList<>();
        for (int people : options.sizes()) {
            for (boolean unit : new boolean[] {true, false}) {
                long start = System.nanoTime();
                try {
                    OrganisationBenchmark.Measured row = benchmark.run(people, unit);
                    System.out.println(row.row().format());
                    measured.add(row);
                } catch (OutOfMemoryError e) {
                    // An exact pool keeps one arc per eligible (person, slot) pair, which grows with the
                    // square of the pool size: a large single pool may not fit. The next rows still can.
                    System.out.println(BenchmarkRow.outOfMemory(people, unit ? "unit" : "mixed"));
                    System.err.printf("warning (%,d %s): out of memory after %.0f s%n", people,
                            unit ? "unit" : "mixed", (System.nanoTime() - start) / 1e9);
                }
                System.out.flush();
            }
        }
        if (options.byKind()) {
            printByKind(measured);
        }
    }

    private static void printByKind(List<OrganisationBenchmark.Measured> measured) {
        System.out.println();
        System.out.println("| people | kind | event | count | held back | p50 µs | p99 µs | max µs |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (OrganisationBenchmark.Measured row : measured) {
            for (Map.Entry<EventKind, EventReplay.KindLatency> entry : row.byKind().entrySet()) {
                Latency latency = entry.getValue().latency();
                System.out.printf("| %,d | %s | %s | %,d | %,d | %,.1f | %,.1f | %,.1f |%n", row.row().people(),
                        row.row().kind(), entry.getKey().label(), latency.count(), entry.getValue().heldBack(),
                        latency.p50(), latency.p99(), latency.max());
            }
        }
    }
}
