package dev.staffing.loadbenchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The end-to-end load benchmark: for each database, number of instances and offered load, the built service
 * in fresh processes fed a seeded organisation and a stream of changes through Kafka, measured against a plain
 * consumer of the same records on the same broker. Prints one table and writes it, with a latency
 * chart, to {@code load-benchmark/target/results/<timestamp>/}. A timing never fails; a broken run exits 1.
 */
public final class LoadBenchmark {

    private LoadBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        Path root = repositoryRoot();
        LoadOptions options;
        try {
            options = LoadOptions.parse(args, root);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Path resultsDir = options.resultsDir()
                .resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        Files.createDirectories(resultsDir);
        List<RunResult> results = new ArrayList<>();
        try {
            for (Database database : options.databases()) {
                for (int instances : options.instances()) {
                    for (OfferedRate rate : options.rates()) {
                        Path runDir = resultsDir.resolve(database.label() + (instances > 1 ? "-x" + instances : "")
                                + "-" + rate.label());
                        results.add(new LoadRun(options, database, instances, rate, runDir).run());
                    }
                }
            }
        } catch (BrokenRunException e) {
            System.err.println("Broken run: " + e.getMessage());
            report(results, resultsDir);
            System.exit(1);
        } catch (RuntimeException e) {
            // Not a run that went wrong but the benchmark itself: say so, and still never leave a run hanging.
            System.err.println("The benchmark failed:");
            e.printStackTrace();
            report(results, resultsDir);
            System.exit(1);
        }
        report(results, resultsDir);
        System.exit(0);
    }

    private static void report(List<RunResult> results, Path resultsDir) {
        if (results.isEmpty()) {
            return;
        }
        System.out.println();
        System.out.print(ResultsReport.table(results));
        ResultsReport.writeCsv(results, resultsDir.resolve("results.csv"));
        LatencyChart.write(results, resultsDir.resolve("latency.png"));
        System.out.println("\nWritten: " + resultsDir.resolve("results.csv") + " and " + resultsDir.resolve("latency.png"));
    }

    /** The repository's root, where Maven was started (or this module's parent when started in the module). */
    private static Path repositoryRoot() {
        Path here = Path.of("").toAbsolutePath();
        return Files.isDirectory(here.resolve("assignment-service")) ? here : here.getParent();
    }
}
