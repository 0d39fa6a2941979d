package dev.staffing.assignment.engine;

/**
 * A person in a seat.
 *
 * @param order when the person got the seat, as an increasing number; later holdings are released first
 */
public record Holding(SeatKey seat, String personId, String persona, int allocation, long order) {
}
