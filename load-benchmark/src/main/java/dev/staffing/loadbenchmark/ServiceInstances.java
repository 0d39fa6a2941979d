package dev.staffing.loadbenchmark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The service instances of one run, all in one consumer group on one database: the first starts the broker
 * and the registry in its own process, the others use the first one's. The first is started and UP before the
 * others start (so it alone migrates the schema); they then start side by side. Closing stops the others
 * before the first, whose JVM runs the broker they read from.
 */
final class ServiceInstances implements AutoCloseable {

    private final List<ServiceProcess> instances;
    private final Path runDir;

    private ServiceInstances(List<ServiceProcess> instances, Path runDir) {
        this.instances = instances;
        this.runDir = runDir;
    }

    /** Starts {@code count} instances and waits until each is UP; one that does not come up breaks the run. */
    static ServiceInstances start(LoadOptions options, String jdbcUrl, Path runDir, int count) {
        List<ServiceProcess> started = new ArrayList<>();
        ServiceInstances set = new ServiceInstances(started, runDir);
        try {
            ServiceProcess first = ServiceProcess.launch(options, jdbcUrl, runDir, 1, count, null);
            started.add(first);
            first.awaitUp();
            for (int number = 2; number <= count; number++) {
                started.add(ServiceProcess.launch(options, jdbcUrl, runDir, number, count, first));
            }
            started.forEach(ServiceProcess::awaitUp);
            return set;
        } catch (RuntimeException e) {
            set.close();
            throw e;
        }
    }

    List<ServiceProcess> all() {
        return instances;
    }

    int count() {
        return instances.size();
    }

    /** The first instance's broker, which every instance uses. */
    String bootstrapServers() {
        return instances.get(0).bootstrapServers();
    }

    /** The first instance's registry, which every instance uses. */
    String registryUrl() {
        return instances.get(0).registryUrl();
    }

    /** Process ids, for the console. */
    String pids() {
        return String.join(", ", instances.stream().map(instance -> Long.toString(instance.pid())).toList());
    }

    /** Where to look when something went wrong: the one log, or the run's folder of logs. */
    String logs() {
        return instances.size() == 1 ? instances.get(0).log().toString() : runDir.resolve("service-*.log").toString();
    }

    /** A run whose instance died is broken, even if the others took over its partitions. */
    void checkAlive(String doing) {
        for (ServiceProcess instance : instances) {
            if (!instance.alive()) {
                throw new BrokenRunException("the service (pid " + instance.pid() + ") died while " + doing + "; see "
                        + instance.log());
            }
        }
    }

    /** The live heap of every instance together, in bytes (each after a full collection); NaN if one failed. */
    double liveHeapBytes() {
        return instances.stream().mapToDouble(ServiceProcess::liveHeapBytes).sum();
    }

    /** What the instances together say they did with the input events. */
    IngestCounts ingestCounts() {
        return instances.stream().map(instance -> IngestCounts.read(instance.http())).reduce(IngestCounts::plus)
                .orElseThrow();
    }

    @Override
    public void close() {
        for (int i = instances.size() - 1; i >= 0; i--) {
            instances.get(i).close();
        }
    }
}
