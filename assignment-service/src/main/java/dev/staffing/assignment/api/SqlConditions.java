package dev.staffing.assignment.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code where} clause of a filtered list query and its named parameters, built from the filters that are set. */
final class SqlConditions {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    /** Adds {@code column = :column} when {@code value} is set. */
    SqlConditions equal(String column, Object value) {
        if (value != null) {
            conditions.add(column + " = :" + column);
            parameters.put(column, value);
        }
        return this;
    }

    /** Adds {@code condition} as it is when {@code apply} is true. */
    SqlConditions when(boolean apply, String condition) {
        if (apply) {
            conditions.add(condition);
        }
        return this;
    }

    /** The clause, starting with a space, or nothing when no filter is set. */
    String where() {
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    Map<String, Object> parameters() {
        return parameters;
    }
}
