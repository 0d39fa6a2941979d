package dev.staffing.assignment.security;

/** The two roles of the service. A manager may do everything a reader may. */
public enum StaffingRole {

    /** Reads staffing, gaps, the board, the API documentation and the metrics. */
    READER,

    /** Also changes things: acknowledges gaps, pins and excludes people. */
    MANAGER;

    /** The Spring Security authority of the role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
