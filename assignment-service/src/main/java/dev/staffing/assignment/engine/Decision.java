package dev.staffing.assignment.engine;

import java.util.List;

/**
 * The engine's answer for one pool.
 *
 * @param holdings every assignment after the decision, in seat order
 * @param changes what changed against the previous holdings: releases first, then assignments
 * @param gaps every empty seat, in seat order
 */
public record Decision(List<Holding> holdings, List<AssignmentChange> changes, List<Gap> gaps) {

    public Decision {
        holdings = List.copyOf(holdings);
        changes = List.copyOf(changes);
        gaps = List.copyOf(gaps);
    }
}
