package dev.staffing.loadbenchmark;

import java.nio.file.Path;
import org.HdrHistogram.Histogram;

/**
 * One run: a fresh service (one or more instances; for PostgreSQL, a fresh schema) given the seed organisation
 * at full speed, then the measured stream at the offered load; then the baseline consumer on the same broker.
 * A run whose service does not start, stalls, or does not account for every input event is broken.
 */
final class LoadRun {

    private static final double MIB = 1024 * 1024;

    private final LoadOptions options;
    private final Database database;
    private final int instances;
    private final OfferedRate rate;
    private final Path runDir;

    LoadRun(LoadOptions options, Database database, int instances, OfferedRate rate, Path runDir) {
        this.options = options;
        this.database = database;
        this.instances = instances;
        this.rate = rate;
        this.runDir = runDir;
    }

    RunResult run() {
        if (database == Database.H2) {
            return measure(null);
        }
        String schemaName = "load_" + runDir.getFileName().toString().replaceAll("[^a-zA-Z0-9]", "_")
                + "_" + System.currentTimeMillis();
        try (PostgresSchema schema = PostgresSchema.create(options.postgresUrl(), options.postgresUser(), schemaName)) {
            return measure(schema);
        }
    }

    /** Measures the service on {@code schema}, or on its embedded database where that is null. */
    private RunResult measure(PostgresSchema schema) {
        String jdbcUrl = schema == null ? null : schema.jdbcUrl();
        try (ServiceInstances service = ServiceInstances.start(options, jdbcUrl, runDir, instances);
                ResourceSampler resources = new ResourceSampler(service);
                ServiceDrain drain = new ServiceDrain(service.bootstrapServers())) {
            drain.awaitGroupJoined(service);
            log("service up (pid " + service.pids() + "), preparing " + options.people() + " people, "
                    + options.warmup() + " warm-up changes and " + options.events() + " measured ones");
            PreparedEvents events = PreparedEvents.prepare(options, service.registryUrl());
            try (LoadGenerator generator = new LoadGenerator(service.bootstrapServers(), events);
                    OutputReader outputs = new OutputReader(service.bootstrapServers(), new EventIds(options.seed()),
                            generator)) {
                double liveHeapBefore = service.liveHeapBytes();
                LoadGenerator.Published seed = generator.publish(0, events.seedCount(), OfferedRate.MAX);
                long seedDrained = drain.awaitDrained(service, outputs);
                double seedSeconds = (Math.max(seedDrained, outputs.lastOutputAt()) - seed.firstAt()) / 1000.0;
                log(String.format("seed of %d events drained in %.1f s", seed.count(), seedSeconds));
                analyze(schema);
                double liveHeapAfter = service.liveHeapBytes();
                double heapPerPerson = (liveHeapAfter - liveHeapBefore) / events.people();

                int measuredFrom = events.seedCount() + options.warmup();
                if (options.warmup() > 0) {
                    LoadGenerator.Published warmup = generator.publish(events.seedCount(), measuredFrom, rate);
                    drain.awaitDrained(service, outputs);
                    log(String.format("warm-up of %d changes at %.0f/s drained", warmup.count(), warmup.rate()));
                    analyze(schema);
                }
                outputs.measureFrom(measuredFrom);
                double cpuBefore = resources.cpuSeconds();
                long wallBefore = System.nanoTime();
                LoadGenerator.Published stream = generator.publish(measuredFrom, events.total(), rate);
                log(String.format("published %d changes at %.0f/s", stream.count(), stream.rate()));
                long drained = drain.awaitDrained(service, outputs);
                double cpuCores = (resources.cpuSeconds() - cpuBefore) / ((System.nanoTime() - wallBefore) / 1e9);
                double seconds = (Math.max(drained, outputs.lastOutputAt()) - stream.firstAt()) / 1000.0;

                IngestCounts counts = service.ingestCounts();
                verify(counts, events.total(), service);
                log("measuring the baseline consumer");
                double baseline = BaselineConsumer.recordsPerSecond(service.bootstrapServers(), service.registryUrl(),
                        events.total());
                Histogram latencies = outputs.latencies();
                return new RunResult(database, rate.label(), instances, rate.perSecond(), stream.count(), stream.rate(),
                        options.people(), options.pools(), seed.count(), seedSeconds, stream.count() / seconds,
                        baseline, outputs.measuredOutputs(), latencies.getValueAtPercentile(50),
                        latencies.getValueAtPercentile(99), latencies.getValueAtPercentile(99.9),
                        latencies.getMaxValue(), resources.peakHeapMiB(), cpuCores, liveHeapAfter / MIB, heapPerPerson,
                        counts);
            }
        }
    }

    /**
     * Every published event has one first outcome. The generator publishes each event once, so a duplicate is
     * a redelivery (a batch read again after a rebalance): it is counted and reported, not taken for an event.
     */
    private static void verify(IngestCounts counts, int published, ServiceInstances service) {
        long distinct = counts.consumed() - counts.duplicate();
        if (distinct != published) {
            throw new BrokenRunException((distinct < published ? "events lost: " : "events counted twice: ") + published
                    + " published, the service accounts for " + distinct + " (" + counts + "); see " + service.logs());
        }
        if (counts.deadLettered() > 0 || counts.parked() > 0) {
            throw new BrokenRunException("the generator wrote events the service could not apply as they came: "
                    + counts + "; see " + service.logs() + " and the dead-letter topic's reasons");
        }
    }

    private void analyze(PostgresSchema schema) {
        if (schema != null) {
            log(schema.analyzeUnlessAutovacuum());
        }
    }

    private void log(String message) {
        System.out.println("[" + database.label() + " x" + instances + " @ " + rate.label() + "] " + message);
    }
}
