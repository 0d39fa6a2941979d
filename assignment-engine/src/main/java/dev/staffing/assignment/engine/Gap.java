package dev.staffing.assignment.engine;

import java.time.LocalDate;
import java.util.List;

/**
 * An empty seat (or one about to be), why, from which day, who comes nearest to filling it and what
 * is stopping them, and the smallest change that would fill it.
 *
 * @param candidates the nearest candidates, nearest first, each as {@code id: what stops them}
 * @param suggestion the smallest change that would fill the seat, in words; empty when there is none
 */
public record Gap(SeatKey seat, String persona, GapCause cause, String detail, LocalDate effectiveDate,
        List<String> candidates, String suggestion) {

    public Gap {
        candidates = List.copyOf(candidates);
    }

    public Gap(SeatKey seat, String persona, GapCause cause, String detail, LocalDate effectiveDate) {
        this(seat, persona, cause, detail, effectiveDate, List.of(), "");
    }

    Gap withCandidates(List<String> nearest, String change) {
        return new Gap(seat, persona, cause, detail, effectiveDate, nearest, change);
    }
}
