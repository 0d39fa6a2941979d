package dev.staffing.assignment.storage;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Dates to and from JDBC, null for null: the stores' columns of type {@code date}, and the ISO text that
 * PostgreSQL arrays of text are cast to {@code date} and {@code timestamptz} from.
 */
public final class SqlDates {

    private SqlDates() {
    }

    public static LocalDate localDate(Date date) {
        return date == null ? null : date.toLocalDate();
    }

    public static Date sqlDate(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }

    /** The ISO form ({@code 2026-04-01}) a PostgreSQL array of text is cast to {@code date} from. */
    public static String isoDate(LocalDate date) {
        return date == null ? null : date.toString();
    }

    /** The ISO form ({@code 2026-04-01T09:30:00Z}) a PostgreSQL array of text is cast to {@code timestamptz} from. */
    public static String isoInstant(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
