package dev.staffing.assignment.ingest;

import java.util.Map;
import java.util.TreeMap;

/** How many records of a batch ended which way (APPLIED, DUPLICATE, STALE, PARKED, DEAD_LETTERED). */
final class BatchSummary {

    static final String DUPLICATE = "DUPLICATE";
    static final String DEAD_LETTERED = "DEAD_LETTERED";

    private final Map<String, Integer> counts = new TreeMap<>();

    void count(String outcome) {
        counts.merge(outcome, 1, Integer::sum);
    }

    int get(String outcome) {
        return counts.getOrDefault(outcome, 0);
    }

    @Override
    public String toString() {
        return counts.toString();
    }
}
