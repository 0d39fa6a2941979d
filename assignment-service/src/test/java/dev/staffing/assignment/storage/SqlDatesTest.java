package dev.staffing.assignment.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SqlDatesTest {

    @Test
    void nullStaysNullBothWays() {
        assertThat(SqlDates.sqlDate(null)).isNull();
        assertThat(SqlDates.localDate(null)).isNull();
    }

    @Test
    void aDateGoesThereAndBackUnchanged() {
        for (LocalDate date : new LocalDate[] {LocalDate.of(2026, 3, 2), LocalDate.of(1970, 1, 1),
                LocalDate.of(2024, 2, 29), LocalDate.of(2099, 12, 31)}) {
            Date sql = SqlDates.sqlDate(date);

            assertThat(sql).hasToString(date.toString());
            assertThat(SqlDates.localDate(sql)).isEqualTo(date);
        }
    }
}
