package dev.staffing.benchmark;

import java.util.Arrays;

/** Percentiles of a set of timings, in microseconds (nearest rank: p99 of 2,000 is the 1,980th fastest). */
record Latency(int count, double p50, double p99, double p999, double max) {

    static Latency of(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Latency(sorted.length, rank(sorted, 0.50), rank(sorted, 0.99), rank(sorted, 0.999),
                sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e3);
    }

    private static double rank(long[] sorted, double fraction) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(fraction * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e3;
    }
}
