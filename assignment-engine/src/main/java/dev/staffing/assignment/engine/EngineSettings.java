package dev.staffing.assignment.engine;

import java.time.LocalDate;

/**
 * @param horizonDays how far ahead gaps are announced: a seat needed later, or an absence starting
 *     later, raises nothing yet
 * @param churnBudget how many current holders one decision may move to fill more weight; a rebalance
 *     that needs more is held back (no one moves) and reported
 */
public record EngineSettings(int horizonDays, int churnBudget) {

    /** Beyond this many days the horizon is unbounded. */
    private static final int UNBOUNDED = 1_000_000;

    public EngineSettings {
        if (horizonDays < 0 || churnBudget < 0) {
            throw new IllegalArgumentException("horizon and churn budget must not be negative");
        }
    }

    /** No horizon and no churn budget. */
    public static EngineSettings unbounded() {
        return new EngineSettings(UNBOUNDED, Integer.MAX_VALUE);
    }

    LocalDate horizonEnd(LocalDate today) {
        return horizonDays >= UNBOUNDED ? LocalDate.MAX : today.plusDays(horizonDays);
    }
}
