package dev.staffing.assignment.engine;

import java.util.List;

/**
 * The engine's answer for one pool.
 *
 * @param holdings every assignment after the decision, in seat order
 * @param changes what changed against the previous holdings: releases first, then assignments
 * @param gaps every empty seat needed within the horizon, in seat order
 * @param upcomingGaps held seats whose holder departs or goes on leave within the horizon, in seat order
 * @param heldBack the rebalance the churn budget held back, if any
 */
public record Decision(List<Holding> holdings, List<AssignmentChange> changes, List<Gap> gaps,
        List<Gap> upcomingGaps, HeldBack heldBack) {

    public Decision {
        holdings = List.copyOf(holdings);
        changes = List.copyOf(changes);
        gaps = List.copyOf(gaps);
        upcomingGaps = List.copyOf(upcomingGaps);
    }

    Decision withHeldBack(HeldBack held) {
        return new Decision(holdings, changes, gaps, upcomingGaps, held);
    }

    /** Every gap to announce: the empty seats and the seats about to become empty. */
    public List<Gap> allGaps() {
        List<Gap> all = new java.util.ArrayList<>(gaps);
        all.addAll(upcomingGaps);
        return all;
    }
}
