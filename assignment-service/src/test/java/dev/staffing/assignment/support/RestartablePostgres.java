package dev.staffing.assignment.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A real PostgreSQL server (zonky's embedded binaries, run as a child process) on a fixed port, with its data
 * directory kept across a stop, so that a test can take it away and bring it back as an outage would: the
 * same address, the same data. Its server log goes to {@code postgres.log} beside the data directory.
 */
public final class RestartablePostgres implements AutoCloseable {

    private static final String USER = "postgres";
    private static final String DATABASE = "postgres";

    private final Path dataDirectory;
    private final Path log;
    private final int port;
    private EmbeddedPostgres server;

    private RestartablePostgres(Path directory, int port) {
        this.dataDirectory = directory.resolve("data");
        this.log = directory.resolve("postgres.log");
        this.port = port;
    }

    /** Initialises a data directory under {@code directory} and starts the server on a free port. */
    public static RestartablePostgres start(Path directory) {
        RestartablePostgres postgres = new RestartablePostgres(directory, freePort());
        postgres.startServer();
        return postgres;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    public String username() {
        return USER;
    }

    /** Stops the server the way an operator would ({@code pg_ctl stop -m fast}); the data stays. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not stop PostgreSQL on port " + port, e);
        } finally {
            server = null;
        }
    }

    /** Starts the server again on the same port and data directory. */
    public synchronized void restart() {
        if (server == null) {
            startServer();
        }
    }

    /** Whether something accepts TCP connections on the server's port now. */
    public boolean acceptsConnections() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A new connection of the test's own, outside the service's pool. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), USER, "");
    }

    @Override
    public void close() {
        stop();
    }

    private synchronized void startServer() {
        try {
            Files.createDirectories(dataDirectory);
            server = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    // Committed means on disk, as in production (zonky turns this off for speed).
                    .setServerConfig("synchronous_commit", "on")
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start PostgreSQL on port " + port + " with data in "
                    + dataDirectory + " (server log: " + log + ")", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on 127.0.0.1", e);
        }
    }
}
