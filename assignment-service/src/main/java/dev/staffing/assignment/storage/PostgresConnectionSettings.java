package dev.staffing.assignment.storage;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Two settings of the PostgreSQL connections that the ingest path's speed rests on; other databases are left
 * as they are.
 * <ul>
 * <li>The driver sends a JDBC batch of inserts as multi-row inserts ({@code reWriteBatchedInserts}), which the
 * batched writes (people, processed ids, outbox, assignments) rely on. A setting given in the JDBC URL or in
 * {@code spring.datasource.hikari.data-source-properties} wins.</li>
 * <li>Each connection plans every statement for the values it is run with ({@code plan_cache_mode =
 * force_custom_plan}, set by Hikari's {@code connection-init-sql}). The stores read many rows by id with one
 * array parameter ({@code id = any(?)}); a plan cached for any array, made while a table was still small,
 * scans the whole table, and did so for every batch as the processed ids grew past a hundred thousand
 * (a second per batch). Planning such a statement afresh costs well under a millisecond. A configured
 * {@code connection-init-sql}, or a {@code plan_cache_mode} in the URL, wins.</li>
 * </ul>
 */
@Component
class PostgresConnectionSettings implements BeanPostProcessor {

    static final String BATCHED_INSERTS = "reWriteBatchedInserts";
    static final String CUSTOM_PLANS = "set plan_cache_mode = force_custom_plan";
    private static final Logger log = LoggerFactory.getLogger(PostgresConnectionSettings.class);

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource dataSource && dataSource.getJdbcUrl() != null
                && dataSource.getJdbcUrl().startsWith("jdbc:postgresql:")) {
            if (!dataSource.getJdbcUrl().contains(BATCHED_INSERTS)
                    && !dataSource.getDataSourceProperties().containsKey(BATCHED_INSERTS)) {
                dataSource.addDataSourceProperty(BATCHED_INSERTS, "true");
                log.debug("PostgreSQL batched inserts are sent as multi-row inserts ({}=true)", BATCHED_INSERTS);
            }
            if (dataSource.getConnectionInitSql() == null && !dataSource.getJdbcUrl().contains("plan_cache_mode")) {
                dataSource.setConnectionInitSql(CUSTOM_PLANS);
                log.debug("PostgreSQL statements are planned for their values ({})", CUSTOM_PLANS);
            }
        }
        return bean;
    }
}
