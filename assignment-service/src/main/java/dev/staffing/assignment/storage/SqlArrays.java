package dev.staffing.assignment.storage;

import java.util.List;
import java.util.function.Function;

/**
 * The columns of many rows as the array parameters of one PostgreSQL statement ({@code unnest(?::varchar[],
 * ...)}): one array per column, the rows in the same order in each.
 */
public final class SqlArrays {

    private SqlArrays() {
    }

    /** One text column of {@code rows}. */
    public static <T> String[] column(List<T> rows, Function<T, String> value) {
        return rows.stream().map(value).toArray(String[]::new);
    }
}
