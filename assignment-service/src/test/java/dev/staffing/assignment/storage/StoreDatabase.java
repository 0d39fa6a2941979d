package dev.staffing.assignment.storage;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/**
 * A fresh, empty database for one store test class: an in-memory H2 with the URL options of the service's
 * {@code application.yml}, or a schema of its own on the PostgreSQL that {@code STAFFING_TEST_POSTGRES_URL}
 * names, dropped again by {@link #drop()}.
 */
public final class StoreDatabase {

    /** The PostgreSQL server the PostgreSQL variants run against; unset, they are skipped. */
    public static final String POSTGRES_URL_VARIABLE = "STAFFING_TEST_POSTGRES_URL";

    public enum Kind {
        H2, POSTGRES
    }

    private final Kind kind;
    private final String url;
    private final String username;
    private final String password;
    private final String schema;

    private StoreDatabase(Kind kind, String url, String username, String password, String schema) {
        this.kind = kind;
        this.url = url;
        this.username = username;
        this.password = password;
        this.schema = schema;
    }

    /** A database no other test class uses; {@code owner} names it, for whoever looks at the server. */
    public static StoreDatabase fresh(Kind kind, Class<?> owner) {
        String name = "stores_" + owner.getSimpleName().toLowerCase(Locale.ROOT) + "_"
                + UUID.randomUUID().toString().substring(0, 8);
        if (kind == Kind.H2) {
            return new StoreDatabase(kind, h2Url(name), "sa", "", null);
        }
        String server = System.getenv(POSTGRES_URL_VARIABLE);
        if (server == null || !server.startsWith("jdbc:postgresql:")) {
            throw new IllegalStateException(POSTGRES_URL_VARIABLE + " does not name a PostgreSQL server: " + server);
        }
        return new StoreDatabase(kind, server + (server.contains("?") ? "&" : "?") + "currentSchema=" + name,
                System.getenv().getOrDefault("STAFFING_TEST_POSTGRES_USER", "postgres"),
                System.getenv().getOrDefault("STAFFING_TEST_POSTGRES_PASSWORD", ""), name);
    }

    /**
     * The service's own H2 URL with its file swapped for a named in-memory database, so that the tests run with
     * the very options ({@code MODE=PostgreSQL} and the rest) the service runs with.
     */
    private static String h2Url(String name) {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        Properties properties = yaml.getObject();
        String configured = properties == null ? null : properties.getProperty("spring.datasource.url");
        if (configured == null || !configured.startsWith("jdbc:h2:file:") || !configured.contains(";")) {
            throw new IllegalStateException("application.yml's spring.datasource.url is no longer an H2 file URL with"
                    + " options: " + configured);
        }
        return "jdbc:h2:mem:" + name + configured.substring(configured.indexOf(';'));
    }

    public Kind kind() {
        return kind;
    }

    public String url() {
        return url;
    }

    /** The Spring Boot properties that point the data source and Flyway at this database. */
    public Map<String, String> springProperties() {
        Map<String, String> properties = new LinkedHashMap<>(Map.of(
                "spring.datasource.url", url,
                "spring.datasource.username", username,
                "spring.datasource.password", password,
                "spring.datasource.hikari.maximum-pool-size", "4",
                "spring.flyway.locations", "classpath:db/migration,classpath:db/vendor/{vendor}"));
        if (schema != null) {
            properties.put("spring.flyway.schemas", schema);
            properties.put("spring.flyway.create-schemas", "true");
        }
        return properties;
    }

    /**
     * Flyway set up as the service sets it up for this database (the shared migrations, then those of its
     * vendor, in the test's schema), for tests that migrate step by step.
     */
    public FluentConfiguration flyway() {
        FluentConfiguration flyway = Flyway.configure().dataSource(url, username, password)
                .locations("classpath:db/migration", "classpath:db/vendor/" + (kind == Kind.H2 ? "h2" : "postgresql"));
        return schema == null ? flyway : flyway.schemas(schema).createSchemas(true);
    }

    /** A connection of the test's own, outside the context's pool: another writer, behind the stores' backs. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, username, password);
    }

    /** Drops the test's PostgreSQL schema with everything in it; an H2 database went with its last connection. */
    public void drop() {
        if (schema == null) {
            return;
        }
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + schema + " cascade");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not drop test schema " + schema, e);
        }
    }
}
