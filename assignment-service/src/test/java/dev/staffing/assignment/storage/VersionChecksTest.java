package dev.staffing.assignment.storage;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.dao.OptimisticLockingFailureException;

class VersionChecksTest {

    @Test
    void everyRowFoundOrCountedWithoutInformationPasses() {
        assertThatCode(() -> VersionChecks.requireEachFound(new int[] {1, Statement.SUCCESS_NO_INFO, 1},
                List.of("a", "b", "c"), row -> "row " + row)).doesNotThrowAnyException();
    }

    @Test
    void theFirstRowNotFoundFailsTheBatchAndIsNamed() {
        assertThatThrownBy(() -> VersionChecks.requireEachFound(new int[] {1, 0, 0}, List.of("a", "b", "c"),
                row -> "row " + row + " (version 7)"))
                .isInstanceOf(OptimisticLockingFailureException.class)
                .hasMessage("row b (version 7) was changed by another writer since it was read");
    }

    @Test
    void everyRowReturnedInWhateverOrderPasses() {
        assertThatCode(() -> VersionChecks.requireEachReturned(List.of("c", "a", "b"), List.of("a", "b", "c"),
                row -> row, row -> "row " + row)).doesNotThrowAnyException();
    }

    @Test
    void theFirstRowTheStatementDidNotReturnFailsItAndIsNamed() {
        assertThatThrownBy(() -> VersionChecks.requireEachReturned(List.of("a"), List.of("a", "b", "c"),
                row -> row, row -> "row " + row + " (version 3)"))
                .isInstanceOf(OptimisticLockingFailureException.class)
                .hasMessage("row b (version 3) was changed by another writer since it was read");
    }
}
