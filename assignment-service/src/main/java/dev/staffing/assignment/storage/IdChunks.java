package dev.staffing.assignment.storage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Splits the ids of one read by id into statements of at most {@link #SIZE} ids each, so that no statement
 * of a very large batch holds more than that in its array parameter.
 */
public final class IdChunks {

    /** Ids per statement. */
    public static final int SIZE = 1_000;

    private IdChunks() {
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
