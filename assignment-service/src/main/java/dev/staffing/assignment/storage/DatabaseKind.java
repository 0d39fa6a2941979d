package dev.staffing.assignment.storage;

import java.sql.DatabaseMetaData;
import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * Which database the service writes to, for the stores that write many rows in one PostgreSQL statement
 * ({@code update ... from unnest(?, ?, ...)}) where the embedded H2 database takes a JDBC batch of one
 * statement per row. On PostgreSQL each statement of a batch is planned anew (see
 * {@link PostgresConnectionSettings}): for a batch of a few thousand single-row updates, planning them cost
 * more than running them.
 */
@Component
public class DatabaseKind {

    private final boolean postgres;

    DatabaseKind(DataSource dataSource) {
        this.postgres = productName(dataSource).equals("PostgreSQL");
    }

    private static String productName(DataSource dataSource) {
        try {
            return JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException("Could not tell which database the data source is: " + e.getMessage(), e);
        }
    }

    public boolean isPostgres() {
        return postgres;
    }
}
