package dev.staffing.loadbenchmark;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command line: {@code --events 1000000 --warmup 60000 --database h2|postgres|both --rates 1000,10000,max
 * --people 100000 --pools 100 --seed 42 --service-heap 2g --service-jar assignment-service/target/assignment-service.jar
 * --postgres-url jdbc:postgresql://127.0.0.1:5432/test --postgres-user postgres --service-args "--a=b --c=d"
 * --service-jvm-args "-XX:StartFlightRecording=filename=service.jfr" --instances 1,2}.
 *
 * @param events how many changes are published after the seed organisation and the warm-up, per run (the
 *     measured stream)
 * @param warmup how many changes are published at the run's rate, and drained, before the measured stream, so that
 *     the service's JIT compiler has compiled the change paths (which the seed's hires and openings do not take)
 *     before anything is measured; 0 for none. The default, 60,000, is a minute at 1,000/s: at that rate the
 *     compiler threads took 0.67 cores over the first ten seconds of the stream and 0.07 over the sixth ten
 * @param databases the databases to run the service on, each with every rate
 * @param rates the offered loads, each a fresh service
 * @param people how many people the seed organisation hires (plus one project per ten people)
 * @param pools how many staffing pools the organisation is split into
 * @param seed makes the organisation and the stream (and so every run) the same
 * @param serviceHeap the service's {@code -Xmx}
 * @param serviceJar the built service
 * @param postgresUrl the PostgreSQL server to create a fresh schema in, for each run
 * @param postgresUser its user (trust authentication, or the password in {@code PGPASSWORD})
 * @param serviceArgs further arguments for the service (properties to try), the same for every run
 * @param serviceJvmArgs further JVM options for the service (a profiler, GC settings), the same for every run
 * @param resultsDir where the results folder of this benchmark is made
 * @param instances how many service instances share the work, each count a run of its own (a fresh set of
 *     instances and a fresh schema); more than one needs PostgreSQL, since an H2 file is one process's
 */
record LoadOptions(int events, int warmup, List<Database> databases, List<OfferedRate> rates, int people, int pools, long seed,
        String serviceHeap, Path serviceJar, String postgresUrl, String postgresUser, List<String> serviceArgs,
        List<String> serviceJvmArgs, Path resultsDir, List<Integer> instances) {

    private static final Set<String> VALUED = Set.of("events", "warmup", "database", "rates", "people", "pools", "seed",
            "service-heap", "service-jar", "postgres-url", "postgres-user", "service-args", "service-jvm-args", "results-dir",
            "instances");

    static LoadOptions parse(String[] args, Path root) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i].replaceFirst("^--", "");
            if (!VALUED.contains(name)) {
                throw new IllegalArgumentException("unknown option " + args[i] + "; known: " + VALUED);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + args[i] + " needs a value");
            }
            options.put(name, args[++i]);
        }
        String postgresUrl = System.getenv().getOrDefault("STAFFING_TEST_POSTGRES_URL",
                "jdbc:postgresql://127.0.0.1:5432/test");
        String postgresUser = System.getenv().getOrDefault("STAFFING_TEST_POSTGRES_USER", "postgres");
        String serviceArgs = options.getOrDefault("service-args", "").trim();
        String serviceJvmArgs = options.getOrDefault("service-jvm-args", "").trim();
        LoadOptions parsed = new LoadOptions(
                positive(options.getOrDefault("events", "1000000"), "--events"),
                notNegative(options.getOrDefault("warmup", "60000"), "--warmup"),
                Database.parse(options.getOrDefault("database", "h2")),
                Arrays.stream(options.getOrDefault("rates", "1000,10000,max").split(","))
                        .map(String::trim).map(OfferedRate::parse).toList(),
                positive(options.getOrDefault("people", "100000"), "--people"),
                positive(options.getOrDefault("pools", "100"), "--pools"),
                Long.parseLong(options.getOrDefault("seed", "42")),
                options.getOrDefault("service-heap", "2g"),
                root.resolve(options.getOrDefault("service-jar", "assignment-service/target/assignment-service.jar")),
                options.getOrDefault("postgres-url", postgresUrl),
                options.getOrDefault("postgres-user", postgresUser),
                serviceArgs.isEmpty() ? List.of() : List.of(serviceArgs.split("\\s+")),
                serviceJvmArgs.isEmpty() ? List.of() : List.of(serviceJvmArgs.split("\\s+")),
                root.resolve(options.getOrDefault("results-dir", "load-benchmark/target/results")),
                Arrays.stream(options.getOrDefault("instances", "1").split(","))
                        .map(count -> positive(count.trim(), "--instances")).distinct().toList());
        if (parsed.people() < parsed.pools() * 10) {
            throw new IllegalArgumentException("--people " + parsed.people() + " is too few for --pools " + parsed.pools()
                    + ": each pool needs at least 10 people (one project per ten)");
        }
        if (parsed.databases().contains(Database.H2) && parsed.instances().stream().anyMatch(count -> count > 1)) {
            throw new IllegalArgumentException("--instances " + options.get("instances") + " needs --database postgres:"
                    + " several instances share one database, and an embedded H2 file can be opened by one process only");
        }
        return parsed;
    }

    private static int notNegative(String text, String option) {
        return text.trim().equals("0") ? 0 : positive(text, option);
    }

    private static int positive(String text, String option) {
        int value;
        try {
            value = Integer.parseInt(text.replace("_", ""));
        } catch (NumberFormatException e) {
            value = 0;
        }
        if (value <= 0) {
            throw new IllegalArgumentException(option + " must be a positive whole number, not " + text);
        }
        return value;
    }
}
