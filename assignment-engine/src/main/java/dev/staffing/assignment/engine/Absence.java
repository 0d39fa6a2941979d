package dev.staffing.assignment.engine;

import java.time.LocalDate;

/**
 * A departure or leave that has not begun yet: the person still works today, but their seats will be
 * empty from {@code from}.
 *
 * @param kind DEPARTED or ON_LEAVE
 * @param note what it is, in words with ids and dates only
 */
public record Absence(Availability kind, LocalDate from, String note) {
}
