package dev.staffing.assignment.engine;

import java.util.Comparator;

/** One seat: the n-th seat (from 1) of a slot of a project. */
public record SeatKey(String projectId, String slotId, int seat) implements Comparable<SeatKey> {

    private static final Comparator<SeatKey> ORDER = Comparator.comparing(SeatKey::projectId)
            .thenComparing(SeatKey::slotId)
            .thenComparingInt(SeatKey::seat);

    /** The seat as {@code projectId/slotId/seat}, the key of its gap alerts. */
    public String asString() {
        return projectId + "/" + slotId + "/" + seat;
    }

    @Override
    public int compareTo(SeatKey other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return asString();
    }
}
