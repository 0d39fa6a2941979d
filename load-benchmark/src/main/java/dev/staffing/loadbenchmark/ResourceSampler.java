package dev.staffing.loadbenchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.Stream;

/**
 * Samples each service instance's used heap ({@code jvm.memory.used}, area heap, from its metrics endpoint,
 * garbage included) every 500 ms on a thread of its own and keeps each one's peak; reads their CPU time (with
 * their child processes, the registry) from {@code /proc}. The broker runs inside the first instance's JVM, so
 * both include the broker's. With several instances both are summed: the peak is the sum of each one's peak.
 */
final class ResourceSampler implements AutoCloseable {

    private static final long INTERVAL_MILLIS = 500;
    private static final double CLOCK_TICKS_PER_SECOND = 100;

    private final List<ServiceProcess> instances;
    /** Each instance's peak used heap in bytes, written by the sampler's thread. */
    private final AtomicLongArray peakHeapBytes;
    private final Thread thread;
    private volatile boolean running = true;

    ResourceSampler(ServiceInstances service) {
        this.instances = service.all();
        this.peakHeapBytes = new AtomicLongArray(instances.size());
        this.thread = new Thread(this::run, "resource-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    /** The peak used heap (not live: garbage included) of each instance over the run, summed, in MiB. */
    double peakHeapMiB() {
        long sum = 0;
        for (int i = 0; i < peakHeapBytes.length(); i++) {
            sum += peakHeapBytes.get(i);
        }
        return sum / (1024.0 * 1024);
    }

    /** CPU seconds the instances and their children have used so far (user and system), together. */
    double cpuSeconds() {
        return instances.stream().mapToDouble(instance -> cpuSecondsOf(instance.pid())).sum();
    }

    private static double cpuSecondsOf(long pid) {
        ProcessHandle root = ProcessHandle.of(pid).orElse(null);
        if (root == null) {
            return Double.NaN;
        }
        return Stream.concat(Stream.of(root), root.descendants()).mapToDouble(ResourceSampler::ownCpuSecondsOf).sum();
    }

    private static double ownCpuSecondsOf(ProcessHandle process) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            // Fields after the command name (which may hold spaces) start at "state": utime is 14th, stime 15th.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / CLOCK_TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private void run() {
        while (running) {
            for (int i = 0; i < instances.size(); i++) {
                double heap = instances.get(i).http().metric("jvm.memory.used", "area:heap").orElse(Double.NaN);
                if (!Double.isNaN(heap)) {
                    peakHeapBytes.accumulateAndGet(i, (long) heap, Math::max);
                }
            }
            try {
                Thread.sleep(INTERVAL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
