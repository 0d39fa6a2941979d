package dev.staffing.loadbenchmark;

import java.util.Random;

/**
 * The kinds of change in the stream, with how often each comes (per mille). The service's day does not
 * advance during a run (fixed clock), so a leave that starts never ends: hires balance departures and
 * leaves together, and openings balance closings, so a pool keeps as many active people and projects.
 */
enum ChangeKind {
    CAPACITY_CHANGED(140),
    DEPARTED(70),
    LEAVE_SCHEDULED(80),
    HIRED(150),
    PROFILE_CHANGED(140),
    PROJECT_OPENED(70),
    SLOTS_CHANGED(140),
    SCHEDULE_CHANGED(140),
    PROJECT_CLOSED(70);

    private final int perMille;

    ChangeKind(int perMille) {
        this.perMille = perMille;
    }

    static ChangeKind pick(Random random) {
        int roll = random.nextInt(1000);
        for (ChangeKind kind : values()) {
            roll -= kind.perMille;
            if (roll < 0) {
                return kind;
            }
        }
        return CAPACITY_CHANGED;
    }

    boolean aboutProject() {
        return this == SLOTS_CHANGED || this == SCHEDULE_CHANGED || this == PROJECT_CLOSED;
    }
}
