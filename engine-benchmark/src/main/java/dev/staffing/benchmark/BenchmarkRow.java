package dev.staffing.benchmark;

/** One line of the results table: one organisation size and kind. */
record BenchmarkRow(int people, String kind, int pools, long seats, OptimumCheck.Result optimum, double coldMillis,
        double restartMillis, long restartChanges, Latency events, long heapBytesPerPerson) {

    static final String HEADER = """
            | people | kind | pools | seats | filled / optimum (pools checked, proven) | cold rebuild ms \
            | restart rebuild ms (changes) | event p50 µs | p99 µs | p99.9 µs | max µs | heap bytes/person |
            |---|---|---|---|---|---|---|---|---|---|---|---|""";

    /** The row of an organisation whose pools did not fit in the heap. */
    static String outOfMemory(int people, String kind) {
        return String.format("| %,d | %s | | | out of memory (max heap %.1f GB) | | | | | | | |", people, kind,
                Runtime.getRuntime().maxMemory() / 1e9);
    }

    String format() {
        return String.format("| %,d | %s | %,d | %,d | %s | %,.0f | %,.0f (%d) | %,.1f | %,.1f | %,.1f | %,.1f | %,d |",
                people, kind, pools, seats, optimum.format(), coldMillis, restartMillis, restartChanges, events.p50(),
                events.p99(), events.p999(), events.max(), heapBytesPerPerson);
    }
}
