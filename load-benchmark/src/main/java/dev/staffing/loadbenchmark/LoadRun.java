package dev.staffing.loadbenchmark;

import java.nio.file.Path;
import org.HdrHistogram.Histogram;

/**
 * One run: a fresh service (and, for PostgreSQL, a fresh schema) given the seed organisation at full
 * speed, then the measured stream at the offered load; then the baseline consumer on the same broker.
 * A run whose service does not start, stalls, or does not account for every input event is broken.
 */
final class LoadRun {

    private final LoadOptions options;
    private final Database database;
    private final OfferedRate rate;
    private final Path runDir;

    LoadRun(LoadOptions options, Database database, OfferedRate rate, Path runDir) {
        this.options = options;
        this.database = database;
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
            return measure(schema.jdbcUrl());
        }
    }

    private RunResult measure(String jdbcUrl) {
        try (ServiceProcess service = ServiceProcess.start(options, jdbcUrl, runDir);
                ResourceSampler resources = new ResourceSampler(service);
                ServiceDrain drain = new ServiceDrain(service.bootstrapServers())) {
            log("service up (pid " + service.pid() + "), preparing " + options.people() + " people and "
                    + options.events() + " changes");
            PreparedEvents events = PreparedEvents.prepare(options, service.registryUrl());
            try (LoadGenerator generator = new LoadGenerator(service.bootstrapServers(), events);
                    OutputReader outputs = new OutputReader(service.bootstrapServers(), new EventIds(options.seed()),
                            generator)) {
                service.collectGarbage();
                double heapBefore = resources.heapBytes();
                LoadGenerator.Published seed = generator.publish(0, events.seedCount(), OfferedRate.MAX);
                long seedDrained = drain.awaitDrained(service, outputs);
                double seedSeconds = (Math.max(seedDrained, outputs.lastOutputAt()) - seed.firstAt()) / 1000.0;
                log(String.format("seed of %d events drained in %.1f s", seed.count(), seedSeconds));
                service.collectGarbage();
                double heapPerPerson = (resources.heapBytes() - heapBefore) / events.people();

                outputs.measureFrom(events.seedCount());
                double cpuBefore = resources.cpuSeconds();
                long wallBefore = System.nanoTime();
                LoadGenerator.Published stream = generator.publish(events.seedCount(), events.total(), rate);
                log(String.format("published %d changes at %.0f/s", stream.count(), stream.rate()));
                long drained = drain.awaitDrained(service, outputs);
                double cpuCores = (resources.cpuSeconds() - cpuBefore) / ((System.nanoTime() - wallBefore) / 1e9);
                double seconds = (Math.max(drained, outputs.lastOutputAt()) - stream.firstAt()) / 1000.0;

                IngestCounts counts = IngestCounts.read(service.http());
                verify(counts, events.total(), service);
                log("measuring the baseline consumer");
                double baseline = BaselineConsumer.recordsPerSecond(service.bootstrapServers(), service.registryUrl(),
                        events.total());
                Histogram latencies = outputs.latencies();
                return new RunResult(database, rate.label(), rate.perSecond(), stream.count(), stream.rate(),
                        options.people(), options.pools(), seed.count(), seedSeconds, stream.count() / seconds,
                        baseline, outputs.measuredOutputs(), latencies.getValueAtPercentile(50),
                        latencies.getValueAtPercentile(99), latencies.getValueAtPercentile(99.9),
                        latencies.getMaxValue(), resources.peakHeapMiB(), cpuCores, heapPerPerson, counts);
            }
        }
    }

    private static void verify(IngestCounts counts, int published, ServiceProcess service) {
        if (counts.consumed() != published) {
            throw new BrokenRunException("events lost: " + published + " published, the service accounts for "
                    + counts.consumed() + " (" + counts + "); see " + service.log());
        }
        if (counts.deadLettered() > 0 || counts.parked() > 0) {
            throw new BrokenRunException("the generator wrote events the service could not apply as they came: "
                    + counts + "; see " + service.log() + " and the dead-letter topic's reasons");
        }
    }

    private void log(String message) {
        System.out.println("[" + database.label() + " @ " + rate.label() + "] " + message);
    }
}
