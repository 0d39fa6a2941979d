package dev.staffing.assignment.engine;

import java.time.LocalDate;

/**
 * A time away: a leave from {@code from} to {@code to}, both days included, or a departure effective
 * {@code from} (its {@code to} is {@link LocalDate#MAX}).
 *
 * @param kind DEPARTED or ON_LEAVE
 */
public record Absence(Availability kind, LocalDate from, LocalDate to) {

    public Absence {
        if (kind == Availability.ACTIVE) {
            throw new IllegalArgumentException("an absence is a departure or a leave");
        }
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("absence ends " + to + " before it starts " + from);
        }
    }

    public static Absence departure(LocalDate effective) {
        return new Absence(Availability.DEPARTED, effective, LocalDate.MAX);
    }

    public static Absence leave(LocalDate from, LocalDate to) {
        return new Absence(Availability.ON_LEAVE, from, to);
    }

    boolean covers(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    /** In words, with dates only. */
    String describe() {
        return kind == Availability.DEPARTED ? "departed effective " + from : "on leave " + from + " to " + to;
    }

    /** As announced ahead of its day. */
    String announce() {
        return kind == Availability.DEPARTED ? "effective " + from : from + " to " + to;
    }
}
