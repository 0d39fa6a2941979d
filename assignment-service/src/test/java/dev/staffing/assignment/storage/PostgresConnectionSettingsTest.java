package dev.staffing.assignment.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.postgresql.core.BaseConnection;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The data source as Spring Boot builds it from the service's properties: a PostgreSQL one sends batched inserts
 * as multi-row inserts and plans each statement for its values unless told otherwise; any other is left alone.
 * (Building it opens no connection.)
 */
class PostgresConnectionSettingsTest {

    private static final String POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/staffing";

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
            .withUserConfiguration(PostgresConnectionSettings.class);

    @Test
    void aPostgresDataSourceSendsBatchedInsertsAsMultiRowInserts() {
        contexts.withPropertyValues("spring.datasource.url=" + POSTGRES_URL).run(context -> {
            HikariDataSource dataSource = context.getBean(HikariDataSource.class);

            assertThat(dataSource.getDataSourceProperties()).containsEntry(PostgresConnectionSettings.BATCHED_INSERTS, "true");
        });
    }

    @Test
    void aPostgresDataSourcePlansEachStatementForItsValues() {
        contexts.withPropertyValues("spring.datasource.url=" + POSTGRES_URL).run(context -> {
            assertThat(context.getBean(HikariDataSource.class).getConnectionInitSql())
                    .isEqualTo(PostgresConnectionSettings.CUSTOM_PLANS);
        });
    }

    @Test
    void aConfiguredConnectionInitSqlWins() {
        contexts.withPropertyValues("spring.datasource.url=" + POSTGRES_URL,
                "spring.datasource.hikari.connection-init-sql=set statement_timeout = 5000").run(context -> {
                    assertThat(context.getBean(HikariDataSource.class).getConnectionInitSql())
                            .isEqualTo("set statement_timeout = 5000");
                });
    }

    @Test
    void aSettingInTheUrlWins() {
        contexts.withPropertyValues("spring.datasource.url=" + POSTGRES_URL + "?reWriteBatchedInserts=false")
                .run(context -> {
                    HikariDataSource dataSource = context.getBean(HikariDataSource.class);

                    assertThat(dataSource.getDataSourceProperties()).doesNotContainKey(PostgresConnectionSettings.BATCHED_INSERTS);
                    assertThat(dataSource.getJdbcUrl()).endsWith("?reWriteBatchedInserts=false");
                });
    }

    @Test
    void aSettingInTheHikariDataSourcePropertiesWins() {
        contexts.withPropertyValues("spring.datasource.url=" + POSTGRES_URL,
                "spring.datasource.hikari.data-source-properties.reWriteBatchedInserts=false").run(context -> {
                    HikariDataSource dataSource = context.getBean(HikariDataSource.class);

                    assertThat(dataSource.getDataSourceProperties()).containsEntry(PostgresConnectionSettings.BATCHED_INSERTS,
                            "false");
                });
    }

    @Test
    void anH2DataSourceIsLeftAlone() {
        String url = StoreDatabase.fresh(StoreDatabase.Kind.H2, PostgresConnectionSettingsTest.class).url();
        contexts.withPropertyValues("spring.datasource.url=" + url).run(context -> {
            HikariDataSource dataSource = context.getBean(HikariDataSource.class);

            assertThat(dataSource.getJdbcUrl()).isEqualTo(url);
            assertThat(dataSource.getDataSourceProperties()).isEmpty();
            assertThat(dataSource.getConnectionInitSql()).isNull();
        });
    }

    @Nested
    @EnabledIfTestPostgres
    class OnPostgres {

        @Test
        void theStoresConnectionsRewriteBatchedInsertsAndPlanForValues() throws Exception {
            try (StoreContext store = StoreContext.start(StoreDatabase.fresh(StoreDatabase.Kind.POSTGRES,
                    PostgresConnectionSettingsTest.class));
                    Connection connection = store.bean(HikariDataSource.class).getConnection()) {
                assertThat(connection.unwrap(BaseConnection.class).getQueryExecutor().isReWriteBatchedInsertsEnabled())
                        .isTrue();
                try (Statement statement = connection.createStatement();
                        ResultSet planCacheMode = statement.executeQuery("show plan_cache_mode")) {
                    assertThat(planCacheMode.next()).isTrue();
                    assertThat(planCacheMode.getString(1)).isEqualTo("force_custom_plan");
                }
            }
        }
    }
}
