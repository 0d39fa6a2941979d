package dev.staffing.assignment.engine;

/** Why a seat is empty. */
public enum GapCause {
    NO_PERSONA_HOLDER,
    LACKS_SKILLS_OR_SENIORITY,
    ALL_AT_CAPACITY,
    HOLDER_DEPARTED,
    HOLDER_ON_LEAVE
}
