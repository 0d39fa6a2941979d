package dev.staffing.assignment.engine;

/** What happened to the gap of one seat in a decision. */
public sealed interface GapChange permits GapChange.Opened, GapChange.Updated, GapChange.Resolved {

    SeatKey seat();

    /** The seat became empty (or will, within the horizon). */
    record Opened(Gap gap) implements GapChange {

        @Override
        public SeatKey seat() {
            return gap.seat();
        }
    }

    /** Still empty, but its cause or effective date changed. */
    record Updated(Gap previous, Gap gap) implements GapChange {

        @Override
        public SeatKey seat() {
            return gap.seat();
        }
    }

    /** No longer empty, or no longer wanted. */
    record Resolved(Gap last, Resolution resolution) implements GapChange {

        @Override
        public SeatKey seat() {
            return last.seat();
        }
    }

    /** Why a gap closed. */
    enum Resolution {
        /** Someone sits in the seat (or its holder stays after all), or it is no longer due within the horizon. */
        FILLED,
        /** The seat's slot shrank below it or was removed. */
        SLOT_REMOVED,
        /** Its project closed or ended. */
        PROJECT_CLOSED
    }
}
