package dev.staffing.assignment.engine;

/** Whether a person can work on the day of the decision. */
public enum Availability {
    ACTIVE,
    ON_LEAVE,
    DEPARTED
}
