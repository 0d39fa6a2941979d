package dev.staffing.loadbenchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** A fresh schema on the PostgreSQL server for one run, dropped with everything in it afterwards. */
final class PostgresSchema implements AutoCloseable {

    private final String serverUrl;
    private final String user;
    private final String name;

    private PostgresSchema(String serverUrl, String user, String name) {
        this.serverUrl = serverUrl;
        this.user = user;
        this.name = name;
    }

    static PostgresSchema create(String serverUrl, String user, String name) {
        PostgresSchema schema = new PostgresSchema(serverUrl, user, name);
        schema.execute("create schema " + name);
        return schema;
    }

    /** The service's JDBC URL: the server's, with this schema as the current one. */
    String jdbcUrl() {
        return serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + name;
    }

    /**
     * Drops the schema; a lock held on it (by a connection of a service that was killed, say) is waited for a
     * minute at most, and a schema that cannot be dropped is said, not thrown: the run's figures stand.
     */
    @Override
    public void close() {
        try {
            execute("set lock_timeout = '60s'; drop schema if exists " + name + " cascade");
        } catch (BrokenRunException e) {
            System.err.println("Left schema " + name + " behind (drop it by hand): " + e.getMessage());
        }
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(serverUrl, user,
                System.getenv().getOrDefault("PGPASSWORD", ""));
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new BrokenRunException("PostgreSQL at " + serverUrl + " (user " + user + ") refused '" + sql + "': "
                    + e.getMessage(), e);
        }
    }
}
