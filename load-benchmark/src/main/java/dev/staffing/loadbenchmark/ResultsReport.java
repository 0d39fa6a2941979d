package dev.staffing.loadbenchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The results as one table: printed for a reader, and written as CSV for a spreadsheet. */
final class ResultsReport {

    private static final String[] HEADERS = {"database", "rate", "instances", "events", "achieved/s", "people",
        "pools", "seed events", "seed s", "service events/s", "of 1 instance", "baseline records/s", "of baseline",
        "outputs", "p50 ms", "p99 ms", "p99.9 ms", "max ms", "peak used heap MiB", "mean CPU cores", "live heap MiB",
        "heap/person B", "stale", "duplicate"};

    private ResultsReport() {
    }

    static String table(List<RunResult> results) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADERS);
        results.forEach(result -> rows.add(cells(result, results)));
        int[] widths = new int[HEADERS.length];
        rows.forEach(row -> {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        });
        StringBuilder table = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            for (int i = 0; i < widths.length; i++) {
                String cell = rows.get(r)[i];
                table.append(i == 0 ? "" : "  ").append(i < 2 ? pad(cell, widths[i]) : padLeft(cell, widths[i]));
            }
            table.append('\n');
            if (r == 0) {
                table.append("-".repeat(widths.length * 2 - 2 + Arrays.stream(widths).sum())).append('\n');
            }
        }
        return table.toString();
    }

    static void writeCsv(List<RunResult> results, Path file) {
        StringBuilder csv = new StringBuilder(String.join(",", HEADERS)).append('\n');
        results.forEach(result -> csv.append(String.join(",", cells(result, results))).append('\n'));
        try {
            Files.writeString(file, csv);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }

    private static String[] cells(RunResult r, List<RunResult> results) {
        return new String[] {r.database().label(), r.rate(), Integer.toString(r.instances()),
            Integer.toString(r.events()), number(r.achievedPerSecond()), Integer.toString(r.people()),
            Integer.toString(r.pools()), Integer.toString(r.seedEvents()), decimal(r.seedSeconds()),
            number(r.eventsPerSecond()), ofOneInstance(r, results), number(r.baselinePerSecond()),
            String.format(Locale.ROOT, "%.3f", r.fractionOfBaseline()), Long.toString(r.outputs()),
            Long.toString(r.p50Millis()), Long.toString(r.p99Millis()), Long.toString(r.p999Millis()),
            Long.toString(r.maxMillis()), number(r.peakHeapMiB()), decimal(r.meanCpuCores()), number(r.liveHeapMiB()),
            number(r.heapPerPersonBytes()), Long.toString(r.counts().stale()), Long.toString(r.counts().duplicate())};
    }

    /** Throughput as a multiple of one instance's on the same database at the same rate in this benchmark. */
    private static String ofOneInstance(RunResult r, List<RunResult> results) {
        return results.stream()
                .filter(one -> one.instances() == 1 && one.database() == r.database() && one.rate().equals(r.rate()))
                .findFirst().map(one -> decimal(r.eventsPerSecond() / one.eventsPerSecond())).orElse("-");
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.0f", value);
    }

    private static String decimal(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }

    private static String padLeft(String text, int width) {
        return " ".repeat(width - text.length()) + text;
    }
}
