package dev.staffing.assignment.storage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * Splits the ids of one read by id into statements of at most {@link #SIZE} ids each, so that no statement
 * of a very large batch holds more than that in its array parameter.
 *
 * <p>The size is where PostgreSQL still looks the ids up in the primary key. With its default costs it
 * prices a scan of the whole table, filtered through a hash of the array, below a thousand index lookups
 * once a table holds a hundred thousand rows or so: at a thousand ids per statement the processed event
 * ids and the people were read by whole-table scans, 15 and 12 ms a statement (auto_explain) at 100,000
 * people. Four statements of 250 ids each look them up in about a quarter of that.
 */
public final class IdChunks {

    /** Ids per statement. */
    public static final int SIZE = 250;

    private IdChunks() {
    }

    /**
     * A read by id, one statement per chunk: {@code read} gets each chunk of {@code ids} as the array parameter
     * of its statement; returns what the statements found, together.
     */
    public static <T> List<T> readAll(Collection<String> ids, Function<String[], List<T>> read) {
        List<T> found = new ArrayList<>();
        for (List<String> chunk : of(ids)) {
            found.addAll(read.apply(chunk.toArray(String[]::new)));
        }
        return found;
    }

    public static <T> List<List<T>> of(Collection<T> ids) {
        List<T> all = ids instanceof List<T> list ? list : new ArrayList<>(ids);
        List<List<T>> chunks = new ArrayList<>((all.size() + SIZE - 1) / SIZE);
        for (int from = 0; from < all.size(); from += SIZE) {
            chunks.add(all.subList(from, Math.min(all.size(), from + SIZE)));
        }
        return chunks;
    }
}
