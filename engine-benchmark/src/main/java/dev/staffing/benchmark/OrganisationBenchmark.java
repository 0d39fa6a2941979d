package dev.staffing.benchmark;

import dev.staffing.assignment.engine.EngineSettings;
import dev.staffing.assignment.engine.PoolDecision;
import dev.staffing.assignment.engine.PoolSnapshot;
import dev.staffing.assignment.engine.StaffingPool;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Measures one organisation: builds and decides every pool from scratch (cold rebuild, then the heap
 * the pools hold), rebuilds them from snapshots of what they decided (restart), checks the filled
 * weight against OR-Tools on the first pools, then plays an untimed warm-up stream of events and a
 * timed one on the restarted pools.
 */
final class OrganisationBenchmark {

    /** Added to the seed for the warm-up stream, so it differs from the measured one. */
    private static final long WARM_UP_SEED = 0x5EED;

    private final BenchmarkOptions options;
    private final EngineSettings settings;
    private final OptimumCheck optimumCheck;

    OrganisationBenchmark(BenchmarkOptions options, OptimumCheck optimumCheck) {
        this.options = options;
        this.settings = options.settings();
        this.optimumCheck = optimumCheck;
    }

    /** A row and, for {@code --by-kind}, the latency of each kind of event. */
    record Measured(BenchmarkRow row, Map<EventKind, EventReplay.KindLatency> byKind) {
    }

    Measured run(int people, boolean unit) {
        String organisation = String.format("%,d %s", people, unit ? "unit" : "mixed");
        OrganisationGenerator generator = new OrganisationGenerator(options.seed(), unit);
        ColdStart cold = coldStart(generator, people);
        // The cold pools are garbage now; collected here, they do not charge their collection to the restart.
        Heap.settled();
        Rebuild restart = Rebuild.of(cold.decided(), settings);
        if (!restart.pools().stream().allMatch(pool -> pool.isExact() == unit)) {
            warn(organisation, unit ? "not every pool is decided exactly" : "some pool is decided exactly");
        }
        OptimumCheck.Result optimum = optimumCheck.check(cold.decided());
        long seats = cold.decided().stream().mapToLong(OptimumCheck::seats).sum();

        List<PoolMirror> mirrors = IntStream.range(0, cold.decided().size())
                .mapToObj(i -> new PoolMirror(i, cold.decided().get(i))).toList();
        // The JIT compiles what the events exercise during this stream, so the timed one is steady state.
        EventReplay.run(restart.pools(), new EventStream(generator, mirrors, options.seed() + WARM_UP_SEED),
                options.events());
        EventReplay measured = EventReplay.run(restart.pools(), new EventStream(generator, mirrors, options.seed()),
                options.events());
        if (measured.decidedChanges() == 0) {
            warn(organisation, "the events decided nothing");
        }
        if (measured.heldBack() > 0) {
            warn(organisation, measured.heldBack() + " of " + options.events()
                    + " timed decisions held a rebalance back (churn budget " + settings.churnBudget() + ")");
        }
        checkHistoryFree(restart.pools(), organisation);

        BenchmarkRow row = new BenchmarkRow(people, unit ? "unit" : "mixed", restart.pools().size(), seats, optimum,
                cold.rebuildMillis(), restart.millis(), restart.changes(), measured.overall(),
                cold.heapBytesPerPerson());
        return new Measured(row, measured.byKind());
    }

    /** The cold rebuild, the heap its pools hold, and snapshots of what they decided. */
    private record ColdStart(double rebuildMillis, long heapBytesPerPerson, List<PoolSnapshot> decided) {
    }

    /**
     * The generated snapshots are garbage once the pools are built, and the pools once their snapshots
     * are taken, so neither is counted in the heap nor kept alive through the events.
     */
    private ColdStart coldStart(OrganisationGenerator generator, int people) {
        long heapBefore = Heap.settled();
        Rebuild rebuild = Rebuild.of(generator.pools(people, options.poolSize()), settings);
        long heapBytesPerPerson = (Heap.settled() - heapBefore) / people;
        return new ColdStart(rebuild.millis(), heapBytesPerPerson, Rebuild.snapshots(rebuild.pools()));
    }

    /**
     * The engine decides the same from stored state whatever the history, so a pool rebuilt from a
     * snapshot of a live pool after the events must find no assignment or gap to change; what it finds
     * is named. A held-back rebalance is not a difference: it is held back again at every decision,
     * live or rebuilt.
     */
    private void checkHistoryFree(List<StaffingPool> pools, String organisation) {
        for (int i = 0; i < pools.size(); i++) {
            PoolDecision decision = StaffingPool.restore(pools.get(i).snapshot(), settings).decide();
            List<Object> differences = Stream.of(decision.changes(), decision.reallocated(), decision.gapChanges())
                    .flatMap(List::stream).map(Object.class::cast).toList();
            if (!differences.isEmpty()) {
                warn(organisation, "after the events, pool " + i + " rebuilt from its snapshot reported "
                        + differences.size() + " changes, first " + differences.subList(0, Math.min(3,
                                differences.size())));
            }
        }
    }

    private static void warn(String organisation, String warning) {
        System.err.printf("warning (%s): %s%n", organisation, warning);
    }

    /**
     * Builds, restarts and plays events on a small organisation of each kind, untimed, so that the
     * first rows measure the engine and not the JIT compiling it. (A service restarting in a fresh JVM
     * pays that compilation on top of the rebuild times reported.)
     */
    void warmUp() {
        int poolSize = Math.min(options.poolSize(), 1000);
        for (boolean unit : new boolean[] {true, false}) {
            OrganisationGenerator generator = new OrganisationGenerator(options.seed() + WARM_UP_SEED, unit);
            Rebuild cold = Rebuild.of(generator.pools(5 * poolSize, poolSize), settings);
            List<PoolSnapshot> decided = Rebuild.snapshots(cold.pools());
            Rebuild restart = Rebuild.of(decided, settings);
            List<PoolMirror> mirrors = IntStream.range(0, decided.size())
                    .mapToObj(i -> new PoolMirror(i, decided.get(i))).toList();
            EventReplay.run(restart.pools(), new EventStream(generator, mirrors, options.seed()), 500);
        }
    }
}
