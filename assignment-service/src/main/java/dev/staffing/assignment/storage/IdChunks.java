package dev.staffing.assignment.storage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Splits the ids of one {@code where id in (...)} read into statements of at most {@link #SIZE} ids, so
 * that a batch of any size stays far below the drivers' limit of bind parameters per statement.
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
