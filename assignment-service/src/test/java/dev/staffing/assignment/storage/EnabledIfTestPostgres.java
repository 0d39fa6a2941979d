package dev.staffing.assignment.storage;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** Runs where {@code STAFFING_TEST_POSTGRES_URL} names a PostgreSQL server; skipped, with that said, elsewhere. */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@EnabledIfEnvironmentVariable(named = StoreDatabase.POSTGRES_URL_VARIABLE, matches = "jdbc:postgresql:.+",
        disabledReason = "STAFFING_TEST_POSTGRES_URL is not set: the PostgreSQL variant is skipped "
                + "(CI sets it to jdbc:postgresql://127.0.0.1:5432/test)")
public @interface EnabledIfTestPostgres {
}
