package dev.staffing.assignment.storage;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * The optimistic check of writes that name each row by id and the version it was read at ({@code update ...
 * where id = ? and version = ?}, or such a delete): a row the statement did not find was changed by another
 * writer since it was read, and the write fails.
 */
public final class VersionChecks {

    private VersionChecks() {
    }

    /**
     * Throws for the first of {@code rows} whose statement of a JDBC batch changed nothing.
     *
     * @param counts the update counts of the batch, one per row
     * @param rows the rows in the order of the batch's statements
     * @param described what the failure says of a row, such as {@code "person e-1"} and the version it was read at
     */
    public static <T> void requireEachFound(int[] counts, List<T> rows, Function<T, String> described) {
        for (int i = 0; i < counts.length; i++) {
            // A driver may answer SUCCESS_NO_INFO (-2) for a batched statement: only a 0 is a lost race.
            if (counts[i] == 0) {
                throw changedBehindOurBack(described.apply(rows.get(i)));
            }
        }
    }

    /**
     * Throws for the first of {@code rows} whose id one statement for all of them did not return (an {@code
     * update ... where id = v.id and version = v.version returning id}).
     *
     * @param returned the ids the statement returned
     * @param rows the rows the statement was given
     * @param idOf the id of a row
     * @param described what the failure says of a row
     */
    public static <T> void requireEachReturned(Collection<String> returned, List<T> rows, Function<T, String> idOf,
            Function<T, String> described) {
        if (returned.size() == rows.size()) {
            return;
        }
        Set<String> found = new HashSet<>(returned);
        for (T row : rows) {
            if (!found.contains(idOf.apply(row))) {
                throw changedBehindOurBack(described.apply(row));
            }
        }
    }

    private static OptimisticLockingFailureException changedBehindOurBack(String described) {
        return new OptimisticLockingFailureException(described + " was changed by another writer since it was read");
    }
}
