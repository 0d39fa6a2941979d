package dev.staffing.benchmark;

import java.util.Random;

/**
 * The kinds of events the latency is measured on, with how often each comes in the stream. The day
 * does not advance during a run, so a leave that starts never ends: hires balance departures and
 * leaves together, and openings balance closings, so that a pool keeps as many active people and as
 * many projects however many events it takes.
 */
enum EventKind {
    CAPACITY_CHANGED(140, "capacity change"),
    DEPARTED_TODAY(70, "departure effective today"),
    LEAVE_STARTS_TODAY(80, "leave starting today"),
    HIRED(150, "hire"),
    PROFILE_CHANGED(140, "profile change"),
    PROJECT_OPENED(70, "project opened"),
    SEATS_CHANGED(140, "slot seat count change"),
    PRIORITY_CHANGED(140, "priority change"),
    PROJECT_CLOSED(70, "project closed");

    private final int perMille;
    private final String label;

    EventKind(int perMille, String label) {
        this.perMille = perMille;
        this.label = label;
    }

    String label() {
        return label;
    }

    static EventKind pick(Random random) {
        int roll = random.nextInt(1000);
        for (EventKind kind : values()) {
            roll -= kind.perMille;
            if (roll < 0) {
                return kind;
            }
        }
        return CAPACITY_CHANGED;
    }
}
