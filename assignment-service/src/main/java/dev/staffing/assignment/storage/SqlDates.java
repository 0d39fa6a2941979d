package dev.staffing.assignment.storage;

import java.sql.Date;
import java.time.LocalDate;

/** Dates to and from JDBC, null for null: the stores' columns of type {@code date}. */
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
}
