package dev.staffing.assignment.storage;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The smallest Spring context a store runs in: Spring Boot's data source, transactions, {@link JdbcTemplate} and
 * {@link JdbcClient}, the Flyway migrations (shared and the database vendor's) and
 * {@link PostgresConnectionSettings}, all as the service configures them, plus a fixed clock and the beans under
 * test. No Kafka, no web.
 */
public final class StoreContext implements AutoCloseable {

    /** Where every store test's clock stands. */
    public static final Instant NOW = Instant.parse("2026-03-02T09:15:30.123Z");

    private final StoreDatabase database;
    private final AnnotationConfigApplicationContext context;

    private StoreContext(StoreDatabase database, AnnotationConfigApplicationContext context) {
        this.database = database;
        this.context = context;
    }

    /** Migrates the database and starts the context with {@code components} (beans or configurations). */
    public static StoreContext start(StoreDatabase database, Class<?>... components) {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        TestPropertyValues.of(database.springProperties()).applyTo(context);
        context.registerBean(Clock.class, () -> Clock.fixed(NOW, ZoneOffset.UTC));
        context.register(Infrastructure.class);
        if (components.length > 0) {
            context.register(components);
        }
        try {
            context.refresh();
        } catch (RuntimeException e) {
            context.close();
            database.drop();
            throw e;
        }
        return new StoreContext(database, context);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public StoreDatabase database() {
        return database;
    }

    public JdbcClient jdbc() {
        return bean(JdbcClient.class);
    }

    public JdbcTemplate jdbcTemplate() {
        return bean(JdbcTemplate.class);
    }

    public TransactionTemplate transactions() {
        return bean(TransactionTemplate.class);
    }

    /** Runs {@code work} in a transaction that commits. */
    public void inTransaction(Runnable work) {
        transactions().executeWithoutResult(status -> work.run());
    }

    @Override
    public void close() {
        try {
            context.close();
        } finally {
            database.drop();
        }
    }

    // Not a @Configuration: the service's component scan reaches test classes too, and would take this in.
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
            TransactionAutoConfiguration.class, JdbcTemplateAutoConfiguration.class, JdbcClientAutoConfiguration.class,
            FlywayAutoConfiguration.class})
    @Import(PostgresConnectionSettings.class)
    static class Infrastructure {
    }
}
