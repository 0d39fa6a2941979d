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
}
