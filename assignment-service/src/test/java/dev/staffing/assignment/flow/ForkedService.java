package dev.staffing.assignment.flow;

import dev.staffing.assignment.StaffingApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The service in a JVM of its own, started from the test class path, so that a test can kill it
 * without warning ({@code kill -9}: no shutdown hook, no graceful close, no flush) and start it again
 * on the same database, broker and topics. Its output goes to a log file per start.
 */
final class ForkedService implements AutoCloseable {

    private static final Duration START_PATIENCE = Duration.ofSeconds(120);

    private final List<String> arguments;
    private final Path logDir;
    private final String name;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;
    private int starts;

    private ForkedService(String name, Map<String, Object> properties, Path logDir) {
        this.name = name;
        this.logDir = logDir;
        this.port = freePort();
        this.arguments = new ArrayList<>();
        properties.forEach((key, value) -> arguments.add("--" + key + "=" + value));
        arguments.add("--server.port=" + port);
        arguments.add("--spring.kafka.consumer.properties.metadata.max.age.ms=1000");
    }

    /** Starts the service and waits until it answers on its health endpoint. */
    static ForkedService start(String name, Map<String, Object> properties, Path logDir) {
        ForkedService service = new ForkedService(name, properties, logDir);
        service.start();
        return service;
    }

    void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is already running");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx768m");
        command.add("-XX:+UseSerialGC");
        command.add("-cp");
        command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        command.add(StaffingApplication.class.getName());
        command.addAll(arguments);
        starts++;
        Path log = logDir.resolve(name + "-start-" + starts + ".log");
        try {
            Files.createDirectories(logDir);
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
        long deadline = System.nanoTime() + START_PATIENCE.toNanos();
        while (!answersHealth()) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " while starting; see " + log);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " did not answer within " + START_PATIENCE + "; see " + log);
            }
            sleep(200);
        }
    }

    /** Kills the process without warning, as {@code kill -9} does, and waits until it is gone. */
    void kill() {
        process.destroyForcibly();
        waitForExit();
    }

    /** Stops the process as an operator would (SIGTERM: graceful shutdown). */
    void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            waitForExit();
        }
    }

    int starts() {
        return starts;
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            waitForExit();
        }
    }

    private void waitForExit() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " did not exit");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for " + name, e);
        }
    }

    private boolean answersHealth() {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/actuator/health")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
