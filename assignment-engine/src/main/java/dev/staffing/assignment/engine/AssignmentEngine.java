package dev.staffing.assignment.engine;

/** Decides who sits in which seat of one staffing pool. Deterministic: the same state gives the same decision. */
public interface AssignmentEngine {

    Decision decide(PoolState state);
}
