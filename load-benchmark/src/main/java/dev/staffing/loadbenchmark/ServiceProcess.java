package dev.staffing.loadbenchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
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
 * consumer group and the generator's fixed clock; on PostgreSQL when given a JDBC URL. Its output goes to
 * {@code service.log} in the run's folder. Closing stops it as an operator would and deletes its data; so does
 * stopping the benchmark.
 */
final class ServiceProcess implements AutoCloseable {

    static final String CONSUMER_GROUP = "assignment-service-load";
    static final String READER = "viewer";
    private static final Duration START_PATIENCE = Duration.ofSeconds(240);

    private final int httpPort = freePort();
    private final int kafkaPort = freePort();
    private final int controllerPort = freePort();
    private final int registryPort = freePort();
    private final String readerPassword = UUID.randomUUID().toString();
    private final Path dataDir;
    private final Path log;
    private final Process process;
    private final ServiceHttp http;
    /** Stops the service if the benchmark is stopped (Ctrl-C) before it closes it: a child outlives its parent. */
    private final Thread stopOnExit = new Thread(this::stopTree, "stop-service-on-exit");

    private ServiceProcess(LoadOptions options, String jdbcUrl, Path runDir) throws IOException {
        this.dataDir = Files.createTempDirectory("staffing-load-");
        this.log = runDir.resolve("service.log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + options.serviceHeap()));
        command.addAll(options.serviceJvmArgs());
        command.addAll(List.of("-jar", options.serviceJar().toString(),
                "--server.port=" + httpPort,
                "--staffing.embedded.kafka.port=" + kafkaPort,
                "--staffing.embedded.kafka.controller-port=" + controllerPort,
                "--staffing.embedded.registry.port=" + registryPort,
                "--staffing.data-dir=" + dataDir,
                "--staffing.security.local-users.manager-password=" + UUID.randomUUID(),
                "--staffing.security.local-users.reader-name=" + READER,
                "--staffing.security.local-users.reader-password=" + readerPassword,
                "--spring.kafka.consumer.group-id=" + CONSUMER_GROUP,
                "--staffing.clock.fixed=" + EventWriter.NOW));
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

    /** Starts the service and waits until its health is UP; a service that exits or stays down breaks the run. */
    static ServiceProcess start(LoadOptions options, String jdbcUrl, Path runDir) {
        if (!Files.isRegularFile(options.serviceJar())) {
            throw new BrokenRunException("no service jar at " + options.serviceJar()
                    + "; build it first: ./mvnw -B -q -Pbenchmark -DskipTests install");
        }
        ServiceProcess service;
        try {
            service = new ServiceProcess(options, jdbcUrl, runDir);
        } catch (IOException e) {
            throw new BrokenRunException("could not start the service: " + e.getMessage(), e);
        }
        long deadline = System.nanoTime() + START_PATIENCE.toNanos();
        while (!service.http.healthUp()) {
            if (!service.process.isAlive()) {
                service.close();
                throw new BrokenRunException("the service exited with " + service.process.exitValue()
                        + " while starting; see " + service.log);
            }
            if (System.nanoTime() > deadline) {
                service.close();
                throw new BrokenRunException("the service was not UP within " + START_PATIENCE + "; see " + service.log);
            }
            Pause.millis(250);
        }
        return service;
    }

    String bootstrapServers() {
        return "127.0.0.1:" + kafkaPort;
    }

    String registryUrl() {
        return "http://127.0.0.1:" + registryPort + "/apis/ccompat/v7";
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

    /** A full collection in the service (jcmd), so the heap read next holds live data only. */
    void collectGarbage() {
        try {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(pid()), "GC.run").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            jcmd.waitFor(60, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException("jcmd GC.run failed on the service (pid " + pid() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the service (SIGTERM, then its whole tree by force after a minute) and deletes its data. */
    @Override
    public void close() {
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
