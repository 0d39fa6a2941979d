package dev.staffing.loadbenchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The built service as a child process with zero configuration, so it starts its own KRaft broker and
 * Apicurio registry, on fixed free ports, a fresh data directory, known local-user passwords, its own
 * consumer group and the generator's fixed clock; on PostgreSQL when given a JDBC URL. A further instance
 * is pointed at the first one's broker and registry (so starts neither) and reads in the same group. Its
 * output goes to {@code service.log} (with several, {@code service-<n>.log}) in the run's folder. Closing
 * stops it as an operator would and deletes its data; so does stopping the benchmark.
 */
final class ServiceProcess implements AutoCloseable {

    static final String CONSUMER_GROUP = "assignment-service-load";
    static final String READER = "viewer";
    /** Given to every instance when there are several: instances split the input by staffing pool. */
    static final String ROUTE_BY_POOL = "staffing.ingest.route-by-pool";
    /**
     * The JVM options the service's image runs it with (the Dockerfile's entry point), heap aside; the service
     * JVM options of the command line come after them, so they can override them.
     */
    static final List<String> IMAGE_JVM_OPTIONS = List.of("-XX:MaxGCPauseMillis=20");
    private static final Duration START_PATIENCE = Duration.ofSeconds(240);
    private static final Duration GC_PATIENCE = Duration.ofSeconds(120);

    private final int httpPort = freePort();
    private final int kafkaPort = freePort();
    private final int controllerPort = freePort();
    private final int registryPort = freePort();
    private final String readerPassword = UUID.randomUUID().toString();
    private final Path dataDir;
    private final Path log;
    private final String bootstrapServers;
    private final String registryUrl;
    private final Process process;
    private final ServiceHttp http;
    /** Stops the service if the benchmark is stopped (Ctrl-C) before it closes it: a child outlives its parent. */
    private final Thread stopOnExit = new Thread(this::stopTree, "stop-service-on-exit");
    private boolean closed;

    private ServiceProcess(LoadOptions options, String jdbcUrl, Path runDir, int number, int instances,
            ServiceProcess first) throws IOException {
        this.dataDir = Files.createTempDirectory("staffing-load-");
        this.log = runDir.resolve(instances == 1 ? "service.log" : "service-" + number + ".log");
        this.bootstrapServers = first == null ? "127.0.0.1:" + kafkaPort : first.bootstrapServers();
        this.registryUrl = first == null ? "http://127.0.0.1:" + registryPort + "/apis/ccompat/v7" : first.registryUrl();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + options.serviceHeap()));
        command.addAll(IMAGE_JVM_OPTIONS);
        command.addAll(options.serviceJvmArgs());
        command.addAll(List.of("-jar", options.serviceJar().toString(),
                "--server.port=" + httpPort,
                "--staffing.data-dir=" + dataDir,
                "--staffing.security.local-users.manager-password=" + UUID.randomUUID(),
                "--staffing.security.local-users.reader-name=" + READER,
                "--staffing.security.local-users.reader-password=" + readerPassword,
                "--spring.kafka.consumer.group-id=" + CONSUMER_GROUP,
                "--staffing.clock.fixed=" + EventWriter.NOW));
        if (first == null) {
            command.add("--staffing.embedded.kafka.port=" + kafkaPort);
            command.add("--staffing.embedded.kafka.controller-port=" + controllerPort);
            command.add("--staffing.embedded.registry.port=" + registryPort);
        } else {
            // With both addresses set the service starts neither a broker nor a registry of its own.
            command.add("--spring.kafka.bootstrap-servers=" + bootstrapServers);
            command.add("--spring.kafka.properties.schema.registry.url=" + registryUrl);
        }
        if (instances > 1) {
            command.add("--" + ROUTE_BY_POOL + "=true");
        }
        if (jdbcUrl != null) {
            command.add("--spring.datasource.url=" + jdbcUrl);
            command.add("--spring.datasource.username=" + options.postgresUser());
            command.add("--spring.datasource.password=" + System.getenv().getOrDefault("PGPASSWORD", ""));
        }
        command.addAll(options.serviceArgs());
        Files.createDirectories(runDir);
        this.process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        this.http = new ServiceHttp(httpPort, READER, readerPassword);
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /**
     * Starts instance {@code number} of {@code instances}: the first with its own broker and registry, any other
     * ({@code first} given) on the first one's. Does not wait for it: see {@link #awaitUp()}.
     */
    static ServiceProcess launch(LoadOptions options, String jdbcUrl, Path runDir, int number, int instances,
            ServiceProcess first) {
        if (!Files.isRegularFile(options.serviceJar())) {
            throw new BrokenRunException("no service jar at " + options.serviceJar()
                    + "; build it first: ./mvnw -B -q -Pbenchmark -DskipTests package");
        }
        try {
            return new ServiceProcess(options, jdbcUrl, runDir, number, instances, first);
        } catch (IOException e) {
            throw new BrokenRunException("could not start the service: " + e.getMessage(), e);
        }
    }

    /** Waits until the service's health is UP; a service that exits or stays down breaks the run (and is stopped). */
    void awaitUp() {
        long deadline = System.nanoTime() + START_PATIENCE.toNanos();
        while (!http.healthUp()) {
            if (!process.isAlive()) {
                close();
                throw new BrokenRunException("the service exited with " + process.exitValue()
                        + " while starting; see " + log);
            }
            if (System.nanoTime() > deadline) {
                close();
                throw new BrokenRunException("the service was not UP within " + START_PATIENCE + "; see " + log);
            }
            Pause.millis(250);
        }
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    String registryUrl() {
        return registryUrl;
    }

    long pid() {
        return process.pid();
    }

    ServiceHttp http() {
        return http;
    }

    Path log() {
        return log;
    }

    boolean alive() {
        return process.isAlive();
    }

    /**
     * A full collection in the service ({@code jcmd <pid> GC.run}, waited for), so that the heap read next holds
     * live data only; false (said once on the console) when jcmd did not finish it.
     */
    boolean collectGarbage() {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process run = new ProcessBuilder(jcmd.toString(), Long.toString(pid()), "GC.run").redirectErrorStream(true)
                    .start();
            if (!run.waitFor(GC_PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
                run.destroyForcibly();
                System.err.println("jcmd GC.run on the service (pid " + pid() + ") took over " + GC_PATIENCE);
                return false;
            }
            // A few lines: they fit in the pipe, so reading after the exit cannot block it.
            String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (run.exitValue() != 0) {
                System.err.println("jcmd GC.run on the service (pid " + pid() + ") failed (" + run.exitValue() + "): "
                        + output);
                return false;
            }
            return true;
        } catch (IOException e) {
            System.err.println("could not run " + jcmd + " GC.run on the service (pid " + pid() + "): " + e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokenRunException("interrupted", e);
        }
    }

    /** The service's live heap in bytes: used heap right after a full collection; NaN when either failed. */
    double liveHeapBytes() {
        return collectGarbage() ? http.metric("jvm.memory.used", "area:heap").orElse(Double.NaN) : Double.NaN;
    }

    /** Stops the service (SIGTERM, then its whole tree by force after a minute) and deletes its data. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException alreadyExiting) {
            // The hook is running or will: it stops the service.
        }
        stopTree();
        deleteRecursively(dataDir);
    }

    private void stopTree() {
        List<ProcessHandle> tree = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // The registry is the service's child; a service that was killed leaves it behind.
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e.getMessage());
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
