package dev.staffing.loadbenchmark;

/**
 * One run's figures: one database at one offered load, a fresh service.
 *
 * @param instances how many service instances shared the work (one group, one database, the first's broker)
 * @param offeredPerSecond the offered load, 0 for {@code max}
 * @param achievedPerSecond the rate the generator published the measured stream at
 * @param seedEvents the organisation's hires and openings, published first at full speed
 * @param seedSeconds from the first seed event published to the seed drained
 * @param eventsPerSecond the measured stream end to end: consumed, decided, stored, published
 * @param baselinePerSecond the plain consumer's records per second on the same broker
 * @param outputs outputs caused by the measured stream
 * @param p50Millis event-to-output latency percentiles over those outputs
 * @param peakHeapMiB the service's peak used heap over the run, garbage included (broker included; with several
 *     instances, the sum of each one's peak)
 * @param meanCpuCores the service's mean CPU over the measured stream, in cores (broker and registry included;
 *     all instances together)
 * @param liveHeapMiB the service's live heap once the seed drained (after a full collection; all instances)
 * @param heapPerPersonBytes live heap the seed added, per person hired
 */
record RunResult(Database database, String rate, int instances, long offeredPerSecond, int events, double achievedPerSecond,
        int people, int pools, int seedEvents, double seedSeconds, double eventsPerSecond, double baselinePerSecond,
        long outputs, long p50Millis, long p99Millis, long p999Millis, long maxMillis, double peakHeapMiB,
        double meanCpuCores, double liveHeapMiB, double heapPerPersonBytes, IngestCounts counts) {

    /** The service's throughput as a fraction of the plain consumer's. */
    double fractionOfBaseline() {
        return baselinePerSecond > 0 ? eventsPerSecond / baselinePerSecond : Double.NaN;
    }

    /** The load a chart puts this run at: the offered rate, or the achieved one for {@code max}. */
    double load() {
        return offeredPerSecond > 0 ? offeredPerSecond : achievedPerSecond;
    }
}
