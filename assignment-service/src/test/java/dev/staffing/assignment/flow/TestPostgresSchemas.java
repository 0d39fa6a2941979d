package dev.staffing.assignment.flow;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * The schemas the PostgreSQL flow tests make on the test server ({@code STAFFING_TEST_POSTGRES_URL}), one per
 * test: their data source settings, and their removal, for the tests that drop theirs once their services stopped.
 */
final class TestPostgresSchemas {

    private static final String URL = System.getenv("STAFFING_TEST_POSTGRES_URL");
    private static final String USER = System.getenv().getOrDefault("STAFFING_TEST_POSTGRES_USER", "postgres");
    private static final String PASSWORD = System.getenv().getOrDefault("STAFFING_TEST_POSTGRES_PASSWORD", "");

    private TestPostgresSchemas() {
    }

    /** The schema of one test: the prefix names the test class's kind, the suffix (dashes allowed) the test. */
    static String name(String prefix, String suffix) {
        return prefix + "_" + suffix.replace('-', '_');
    }

    /** Data source and Flyway settings for the schema, which Flyway creates. */
    static Map<String, Object> properties(String schema) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.datasource.url", URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        properties.put("spring.datasource.username", USER);
        properties.put("spring.datasource.password", PASSWORD);
        properties.put("spring.flyway.schemas", schema);
        properties.put("spring.flyway.create-schemas", "true");
        return Map.copyOf(properties);
    }

    /** Drops the schema with everything in it. */
    static void drop(String schema) {
        try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + schema + " cascade");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not drop test schema " + schema, e);
        }
    }
}
