package dev.staffing.assignment.engine;

/**
 * A person assigned to, or released from, a seat, with the reason in a code and in words.
 *
 * @param order when the holding began, as an increasing number (kept when a holder is renumbered)
 */
public record AssignmentChange(SeatKey seat, String personId, String persona, int allocation, boolean assigned,
        ChangeReason reason, String detail, long order) {

    static AssignmentChange assigned(Holding holding, String detail) {
        return new AssignmentChange(holding.seat(), holding.personId(), holding.persona(), holding.allocation(), true,
                ChangeReason.OPEN_SEAT_FILLED, detail, holding.order());
    }

    static AssignmentChange renumbered(Holding holding, String detail) {
        return new AssignmentChange(holding.seat(), holding.personId(), holding.persona(), holding.allocation(), true,
                ChangeReason.SEAT_RENUMBERED, detail, holding.order());
    }

    static AssignmentChange released(Holding holding, ChangeReason reason, String detail) {
        return new AssignmentChange(holding.seat(), holding.personId(), holding.persona(), holding.allocation(), false,
                reason, detail, holding.order());
    }
}
