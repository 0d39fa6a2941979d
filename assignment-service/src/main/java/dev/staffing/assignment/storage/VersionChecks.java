package dev.staffing.assignment.storage;

import java.util.List;
import java.util.function.Function;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * The optimistic check of a JDBC batch of {@code update ... where id = ? and version = ?} (or such a delete): a
 * row the statement did not find was changed by another writer since it was read, and the batch fails.
 */
public final class VersionChecks {

    private VersionChecks() {
    }

    /**
     * Throws for the first of {@code rows} whose statement changed nothing.
     *
     * @param counts the update counts of the batch, one per row
     * @param rows the rows in the order of the batch's statements
     * @param described what the failure says of a row, such as {@code "person e-1"} and the version it was read at
     */
    public static <T> void requireEachFound(int[] counts, List<T> rows, Function<T, String> described) {
        for (int i = 0; i < counts.length; i++) {
            // A driver may answer SUCCESS_NO_INFO (-2) for a batched statement: only a 0 is a lost race.
            if (counts[i] == 0) {
                throw new OptimisticLockingFailureException(described.apply(rows.get(i))
                        + " was changed by another writer since it was read");
            }
        }
    }
}
