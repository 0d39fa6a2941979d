package dev.staffing.assignment.engine;

/** Why a person was put into or taken out of a seat. */
public enum ChangeReason {
    OPEN_SEAT_FILLED,
    PERSON_DEPARTED,
    PERSON_ON_LEAVE,
    CAPACITY_REDUCED,
    NO_LONGER_ELIGIBLE,
    SLOT_REMOVED,
    PROJECT_CLOSED,
    /** Moved so that a higher total weight of seats is filled (the engine's rule 2 allows only that). */
    REBALANCED,
    /** Moved to a lower seat number of the same slot because the slot shrank (paired release and assignment). */
    SEAT_RENUMBERED
}
