package dev.staffing.assignment.engine;

import java.util.List;

/**
 * What one decision changed in a pool.
 *
 * @param changes people released from and assigned to seats: releases first, then assignments
 * @param reallocated holdings that stayed but whose seat now asks for another allocation
 * @param gapChanges gaps opened, updated and resolved, in seat order
 * @param heldBack the rebalance the churn budget held back, if any
 */
public record PoolDecision(List<AssignmentChange> changes, List<Holding> reallocated, List<GapChange> gapChanges,
        HeldBack heldBack) {

    public PoolDecision {
        changes = List.copyOf(changes);
        reallocated = List.copyOf(reallocated);
        gapChanges = List.copyOf(gapChanges);
    }

    public boolean isEmpty() {
        return changes.isEmpty() && reallocated.isEmpty() && gapChanges.isEmpty() && !heldBack.any();
    }
}
