package dev.staffing.assignment.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The assignment changes gathered since the last decision: releases first, then assignments. */
final class ChangeLog {

    private static final Comparator<AssignmentChange> SEAT_ORDER = Comparator.comparing(AssignmentChange::seat)
            .thenComparing(AssignmentChange::personId);

    private final List<AssignmentChange> releases = new ArrayList<>();
    private final List<AssignmentChange> assignments = new ArrayList<>();
    private final Map<SeatKey, Holding> reallocated = new LinkedHashMap<>();

    void released(AssignmentChange change) {
        releases.add(change);
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
