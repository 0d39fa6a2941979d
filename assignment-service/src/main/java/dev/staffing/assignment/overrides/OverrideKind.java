package dev.staffing.assignment.overrides;

/** The two kinds of override in force. */
public enum OverrideKind {

    /** A person kept in a seat of one slot. */
    PIN,

    /** A person kept out of every slot of a project. */
    EXCLUSION
}
