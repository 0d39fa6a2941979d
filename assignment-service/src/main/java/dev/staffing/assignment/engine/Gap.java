package dev.staffing.assignment.engine;

import java.time.LocalDate;

/** An empty seat, why it is empty, and from which day. */
public record Gap(SeatKey seat, String persona, GapCause cause, String detail, LocalDate effectiveDate) {
}
