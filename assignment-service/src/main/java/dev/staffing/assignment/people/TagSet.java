package dev.staffing.assignment.people;

import java.util.Arrays;
import java.util.Collection;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A sorted set of short names (persona ids, skills), stored as one comma-separated column.
 * Names are trimmed; empty names are dropped.
 */
public record TagSet(SortedSet<String> values) {

    public TagSet {
        values = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(values));
    }

    public static TagSet of(Collection<String> values) {
        return new TagSet(values.stream().map(String::trim).filter(v -> !v.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new)));
    }

    public static TagSet parse(String stored) {
        return stored == null || stored.isBlank() ? of(java.util.List.of()) : of(Arrays.asList(stored.split(",")));
    }

    public String format() {
        return String.join(",", values);
    }

    public boolean contains(String value) {
        return values.contains(value);
    }
}
