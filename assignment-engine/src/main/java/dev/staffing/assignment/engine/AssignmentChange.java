package dev.staffing.assignment.engine;

/** A person assigned to, or released from, a seat, with the reason in a code and in words. */
public record AssignmentChange(SeatKey seat, String personId, String persona, int allocation, boolean assigned,
        ChangeReason reason, String detail) {

    static AssignmentChange assigned(Holding holding, String detail) {
        return new AssignmentChange(holding.seat(), holding.personId(), holding.persona(), holding.allocation(), true,
                ChangeReason.OPEN_SEAT_FILLED, detail);
    }

    static AssignmentChange renumbered(Holding holding, String detail) {
        return new AssignmentChange(holding.seat(), holding.personId(), holding.persona(), holding.allocation(), true,
                ChangeReason.SEAT_RENUMBERED, detail);
    }

    static AssignmentChange released(Holding holding, ChangeReason reason, String detail) {
        return new AssignmentChange(holding.seat(), holding.personId(), holding.persona(), holding.allocation(), false,
                reason, detail);
    }
}
