package dev.staffing.assignment.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.time.Instant;
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

    @Test
    void theIsoFormsAreWhatPostgresCastsTextArraysFrom() {
        assertThat(SqlDates.isoDate(LocalDate.of(2026, 4, 1))).isEqualTo("2026-04-01");
        assertThat(SqlDates.isoInstant(Instant.parse("2026-04-01T09:30:00.125Z")))
                .isEqualTo("2026-04-01T09:30:00.125Z");
        assertThat(SqlDates.isoDate(null)).isNull();
        assertThat(SqlDates.isoInstant(null)).isNull();
    }
}
