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

    @Override
    public void close() {
        execute("drop schema if exists " + name + " cascade");
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
