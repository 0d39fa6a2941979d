package dev.staffing.assignment.ingest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** How many events of one batch ended which way, per input topic. */
final class BatchSummary {

    /** One outcome of the events of one input topic. */
    record Key(IngestOutcome outcome, String topic) {
    }

    private final Map<Key, Integer> counts = new LinkedHashMap<>();
    private final List<Long> appliedTimestamps = new ArrayList<>();

    void count(IngestOutcome outcome, String topic) {
        counts.merge(new Key(outcome, topic), 1, Integer::sum);
    }

    /** Notes the Kafka timestamp (epoch ms) of a record applied as it arrived. */
    void applied(long recordTimestamp) {
        appliedTimestamps.add(recordTimestamp);
    }

    /** The Kafka timestamps (epoch ms) of the records this batch applied as they arrived. */
    List<Long> appliedTimestamps() {
        return Collections.unmodifiableList(appliedTimestamps);
    }

    /** The count of an outcome over all topics. */
    int get(IngestOutcome outcome) {
        return counts.entrySet().stream().filter(entry -> entry.getKey().outcome() == outcome)
                .mapToInt(Map.Entry::getValue).sum();
    }

    Map<Key, Integer> counts() {
        return Collections.unmodifiableMap(counts);
    }

    @Override
    public String toString() {
        Map<String, Integer> byOutcome = new TreeMap<>();
        counts.forEach((key, count) -> byOutcome.merge(key.outcome().tag(), count, Integer::sum));
        return byOutcome.toString();
    }
}
