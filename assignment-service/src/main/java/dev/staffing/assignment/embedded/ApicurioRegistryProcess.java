package dev.staffing.assignment.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Apicurio Registry's ready-built server as a child process on 127.0.0.1, serving the Confluent REST
 * API at {@code /apis/ccompat/v7} with BACKWARD compatibility (Confluent's default). Its H2 database
 * lives in {@code <dataDir>}, beside the embedded broker's log, so schema ids and the records that carry
 * them survive a restart together.
 */
public final class ApicurioRegistryProcess implements AutoCloseable {

    private static final int MINIMUM_JAVA = 21;

    private final Process process;
    private final String url;
    private final Path logFile;
    private final Thread shutdownHook;

    private ApicurioRegistryProcess(Process process, String url, Path logFile) {
        this.process = process;
        this.url = url;
        this.logFile = logFile;
        this.shutdownHook = new Thread(process::destroy, "apicurio-registry-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * @param port the HTTP port, 0 for a free one
     * @param registryHome the folder with quarkus-run.jar, or null to find it
     * @param javaHome a Java 21+ home, or null to find one
     */
    public static ApicurioRegistryProcess start(Path dataDir, int port, String registryHome, String javaHome,
            Duration timeout) {
        Path home = RegistryDistributionLocator.locate(registryHome, dataDir);
        Path java = JavaRuntimeLocator.standard().locate(MINIMUM_JAVA, javaHome);
        int httpPort = FreePorts.preferred(port);
        int managementPort = FreePorts.pick();
        Path storage = dataDir.toAbsolutePath().resolve("registry");
        Path logFile = dataDir.toAbsolutePath().resolve("registry.log");
        Path pidFile = dataDir.toAbsolutePath().resolve("registry.pid");
        try {
            Files.createDirectories(storage);
            stopLeftover(pidFile, storage);
            ProcessBuilder builder = new ProcessBuilder(List.of(java.toString(), "-Xmx384m", "-XX:+UseSerialGC",
                    "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + httpPort,
                    "-Dquarkus.management.host=127.0.0.1", "-Dquarkus.management.port=" + managementPort,
                    "-Dapicurio.rules.global.compatibility=BACKWARD",
                    "-Dapicurio.datasource.url=jdbc:h2:file:" + storage.resolve("registry") + ";DB_CLOSE_ON_EXIT=FALSE",
                    "-Dapicurio.datasource.jdbc.initial-size=2", "-Dapicurio.datasource.jdbc.min-size=2",
                    "-Dapicurio.datasource.jdbc.max-size=10",
                    "-jar", "quarkus-run.jar"))
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile());
            Process process = builder.start();
            Files.writeString(pidFile, Long.toString(process.pid()));
            ApicurioRegistryProcess registry = new ApicurioRegistryProcess(process,
                    "http://127.0.0.1:" + httpPort + "/apis/ccompat/v7", logFile);
            try {
                registry.awaitReady(timeout);
            } catch (RuntimeException e) {
                registry.close();
                throw e;
            }
            return registry;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start Apicurio Registry from " + home + " with " + java, e);
        }
    }

    /**
     * A registry left running by a service that was killed (kill -9 runs no shutdown hook) still holds
     * the registry's database: stop it, but only if it is our registry on this data directory.
     */
    private static void stopLeftover(Path pidFile, Path storage) throws IOException {
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        String pid = Files.readString(pidFile).trim();
        Files.delete(pidFile);
        if (!pid.matches("\\d+")) {
            return;
        }
        ProcessHandle.of(Long.parseLong(pid))
                .filter(leftover -> leftover.info().commandLine()
                        .filter(line -> line.contains("quarkus-run.jar") && line.contains(storage.toString()))
                        .isPresent())
                .ifPresent(leftover -> {
                    leftover.destroy();
                    try {
                        leftover.onExit().get(30, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        leftover.destroyForcibly();
                    }
                });
    }

    /** The Confluent-compatible base URL, the value of {@code schema.registry.url}. */
    public String url() {
        return url;
    }

    public Path logFile() {
        return logFile;
    }

    private void awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/config")).timeout(Duration.ofSeconds(2))
                .build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Apicurio Registry exited with " + process.exitValue() + ": "
                        + logTail());
            }
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for Apicurio Registry", e);
            }
            try {
                process.waitFor(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for Apicurio Registry", e);
            }
        }
        throw new IllegalStateException("Apicurio Registry did not answer at " + url + " within " + timeout + ": "
                + logTail());
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException | RuntimeException e) {
            return "(no log at " + logFile + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down; the hook runs anyway.
        }
    }
}
