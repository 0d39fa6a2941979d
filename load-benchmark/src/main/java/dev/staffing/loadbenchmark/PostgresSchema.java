package dev.staffing.loadbenchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

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
     * Where the server runs no autovacuum (a CI server may not), gathers the planner's statistics of the
     * schema's tables, as autovacuum would have by then on a server with its default settings: without them
     * PostgreSQL takes a table of a hundred thousand rows for a few hundred and scans it whole to look up a
     * few keys. Says which it did; does nothing where autovacuum runs.
     */
    String analyzeUnlessAutovacuum() {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            try (ResultSet autovacuum = statement.executeQuery("show autovacuum")) {
                if (autovacuum.next() && autovacuum.getString(1).equals("on")) {
                    return "autovacuum keeps the statistics";
                }
            }
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("select tablename from pg_tables where schemaname = '" + name
                    + "' order by tablename")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            for (String table : tables) {
                statement.execute("analyze " + name + ".\"" + table + "\"");
            }
            return "autovacuum is off on the server: analyzed the " + tables.size() + " tables of schema " + name;
        } catch (SQLException e) {
            throw new BrokenRunException("PostgreSQL at " + serverUrl + " (user " + user + ") could not analyze schema "
                    + name + ": " + e.getMessage(), e);
        }
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

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(serverUrl, user, System.getenv().getOrDefault("PGPASSWORD", ""));
    }

    private void execute(String sql) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new BrokenRunException("PostgreSQL at " + serverUrl + " (user " + user + ") refused '" + sql + "': "
                    + e.getMessage(), e);
        }
    }
}
