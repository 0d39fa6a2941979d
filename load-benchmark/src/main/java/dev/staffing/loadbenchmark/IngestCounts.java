package dev.staffing.loadbenchmark;

/**
 * What the service says it did with the input events ({@code staffing.ingest.events} by outcome), read
 * once it drained. Every input event has exactly one first outcome: applied, duplicate, stale, parked or
 * dead-lettered; a parked event counts once more when it leaves parking.
 */
record IngestCounts(long applied, long duplicate, long stale, long parked, long deadLettered) {

    static IngestCounts read(ServiceHttp http) {
        return new IngestCounts(count(http, "applied"), count(http, "duplicate"), count(http, "stale"),
                count(http, "parked"), count(http, "dead_lettered"));
    }

    /** Two instances' counts together. */
    IngestCounts plus(IngestCounts other) {
        return new IngestCounts(applied + other.applied, duplicate + other.duplicate, stale + other.stale,
                parked + other.parked, deadLettered + other.deadLettered);
    }

    /** Input events the service consumed and committed, each counted once. */
    long consumed() {
        return applied + duplicate + stale + parked + deadLettered;
    }

    private static long count(ServiceHttp http, String outcome) {
        return Math.round(http.metric("staffing.ingest.events", "outcome:" + outcome)
                .orElseThrow(() -> new BrokenRunException("the service did not answer for metric staffing.ingest.events"
                        + " (outcome " + outcome + ")")));
    }
}
