package dev.staffing.benchmark;

import dev.staffing.assignment.engine.EngineSettings;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command line: {@code --sizes 1000,10000,50000,100000 --pool-size 1000 --events 2000 --seed 42
 * --optimum-pools 3 --optimum-seconds 30 --optimum-max-seats 5000 --horizon-days 60 --churn-budget 3
 * --by-kind}. The engine settings default to the service's. {@code --by-kind} adds a second table with
 * the event latencies of each kind of event and how many of its decisions the churn budget held back.
 */
record BenchmarkOptions(List<Integer> sizes, int poolSize, int events, long seed, int optimumPools,
        double optimumSeconds, int optimumMaxSeats, EngineSettings settings, boolean byKind) {

    private static final Set<String> FLAGS = Set.of("by-kind");
    private static final Set<String> VALUED = Set.of("sizes", "pool-size", "events", "seed", "optimum-pools",
            "optimum-seconds", "optimum-max-seats", "horizon-days", "churn-budget");

    static BenchmarkOptions parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i].replaceFirst("^--", "");
            if (FLAGS.contains(name)) {
                options.put(name, "true");
            } else if (!VALUED.contains(name)) {
                throw new IllegalArgumentException("unknown option " + args[i] + "; known: " + VALUED + " " + FLAGS);
            } else if (i + 1 < args.length) {
                options.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException("option " + args[i] + " needs a value");
            }
        }
        return new BenchmarkOptions(
                Arrays.stream(options.getOrDefault("sizes", "1000,10000,50000,100000").split(","))
                        .map(String::trim).map(Integer::valueOf).toList(),
                Integer.parseInt(options.getOrDefault("pool-size", "1000")),
                Integer.parseInt(options.getOrDefault("events", "2000")),
                Long.parseLong(options.getOrDefault("seed", "42")),
                Integer.parseInt(options.getOrDefault("optimum-pools", "3")),
                Double.parseDouble(options.getOrDefault("optimum-seconds", "30")),
                Integer.parseInt(options.getOrDefault("optimum-max-seats", "5000")),
                new EngineSettings(Integer.parseInt(options.getOrDefault("horizon-days", "60")),
                        Integer.parseInt(options.getOrDefault("churn-budget", "3"))),
                Boolean.parseBoolean(options.getOrDefault("by-kind", "false")));
    }
}
