package dev.staffing.assignment.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The assignment changes gathered since the last decision: releases first, then assignments, so that
 * applying them in that order to the holdings before the decision gives the holdings after it. A holder
 * seated by this very decision (renumbered or newly assigned) and released again before it ends was never
 * seated: the seating is dropped, and a renumbered holder leaves from the seat they held before.
 */
final class ChangeLog {

    private static final Comparator<AssignmentChange> SEAT_ORDER = Comparator.comparing(AssignmentChange::seat)
            .thenComparing(AssignmentChange::personId);

    private final List<AssignmentChange> releases = new ArrayList<>();
    private final List<AssignmentChange> assignments = new ArrayList<>();
    private final Map<SeatKey, Holding> reallocated = new LinkedHashMap<>();

    void released(AssignmentChange change) {
        reallocated.computeIfPresent(change.seat(),
                (seat, holding) -> holding.personId().equals(change.personId()) ? null : holding);
        AssignmentChange seated = find(assignments, change.seat(), change.personId());
        if (seated == null) {
            releases.add(change);
            return;
        }
        assignments.remove(seated);
        if (seated.reason() == ChangeReason.SEAT_RENUMBERED) {
            AssignmentChange moved = releases.stream()
                    .filter(release -> release.reason() == ChangeReason.SEAT_RENUMBERED
                            && release.personId().equals(change.personId())
                            && release.seat().projectId().equals(change.seat().projectId())
                            && release.seat().slotId().equals(change.seat().slotId()))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("renumbering of " + change.personId() + " to "
                            + change.seat() + " has no seat it came from"));
            releases.remove(moved);
            releases.add(new AssignmentChange(moved.seat(), moved.personId(), moved.persona(), moved.allocation(),
                    false, change.reason(), change.detail(), moved.order()));
        }
    }

    private static AssignmentChange find(List<AssignmentChange> changes, SeatKey seat, String personId) {
        for (AssignmentChange change : changes) {
            if (change.seat().equals(seat) && change.personId().equals(personId)) {
                return change;
            }
        }
        return null;
    }

    void assigned(AssignmentChange change) {
        assignments.add(change);
    }

    void reallocated(Holding holding) {
        reallocated.put(holding.seat(), holding);
    }

    /** Releases in seat order, then assignments in seat order: the same changes always read the same. */
    List<AssignmentChange> changes() {
        List<AssignmentChange> all = new ArrayList<>(releases);
        all.sort(SEAT_ORDER);
        List<AssignmentChange> filled = new ArrayList<>(assignments);
        filled.sort(SEAT_ORDER);
        all.addAll(filled);
        return all;
    }

    List<Holding> reallocatedHoldings() {
        return new ArrayList<>(reallocated.values());
    }

    void clear() {
        releases.clear();
        assignments.clear();
        reallocated.clear();
    }
}
