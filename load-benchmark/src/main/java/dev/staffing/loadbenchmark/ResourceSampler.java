package dev.staffing.loadbenchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Samples the service's heap ({@code jvm.memory.used}, area heap, from its metrics endpoint) every
 * 500 ms on a thread of its own and keeps the peak; reads its CPU time (with its child process, the
 * registry) from {@code /proc}. The broker runs inside the service's JVM, so both include the broker's.
 */
final class ResourceSampler implements AutoCloseable {

    private static final long INTERVAL_MILLIS = 500;
    private static final double CLOCK_TICKS_PER_SECOND = 100;

    private final ServiceProcess service;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile double peakHeapBytes;

    ResourceSampler(ServiceProcess service) {
        this.service = service;
        this.thread = new Thread(this::run, "resource-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    double peakHeapMiB() {
        return peakHeapBytes / (1024 * 1024);
    }

    /** The heap in use now, in bytes; NaN when the service does not answer. */
    double heapBytes() {
        return service.http().metric("jvm.memory.used", "area:heap").orElse(Double.NaN);
    }

    /** CPU seconds the service and its children have used so far (user and system). */
    double cpuSeconds() {
        ProcessHandle root = ProcessHandle.of(service.pid()).orElse(null);
        if (root == null) {
            return Double.NaN;
        }
        return Stream.concat(Stream.of(root), root.descendants()).mapToDouble(ResourceSampler::cpuSecondsOf).sum();
    }

    private static double cpuSecondsOf(ProcessHandle process) {
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
            double heap = heapBytes();
            if (!Double.isNaN(heap)) {
                peakHeapBytes = Math.max(peakHeapBytes, heap);
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
