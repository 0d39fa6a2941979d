package dev.staffing.assignment.storage;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Lets the PostgreSQL driver send a JDBC batch of inserts as multi-row inserts ({@code reWriteBatchedInserts}),
 * which the ingest path's batched writes (people, processed ids, outbox, assignments) rely on for their speed.
 * A setting given in the JDBC URL or in {@code spring.datasource.hikari.data-source-properties} wins. Other
 * databases are left as they are.
 */
@Component
class PostgresBatchInserts implements BeanPostProcessor {

    static final String PROPERTY = "reWriteBatchedInserts";
    private static final Logger log = LoggerFactory.getLogger(PostgresBatchInserts.class);

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource dataSource && dataSource.getJdbcUrl() != null
                && dataSource.getJdbcUrl().startsWith("jdbc:postgresql:")
                && !dataSource.getJdbcUrl().contains(PROPERTY)
                && !dataSource.getDataSourceProperties().containsKey(PROPERTY)) {
            dataSource.addDataSourceProperty(PROPERTY, "true");
            log.debug("PostgreSQL batched inserts are sent as multi-row inserts ({}=true)", PROPERTY);
        }
        return bean;
    }
}
