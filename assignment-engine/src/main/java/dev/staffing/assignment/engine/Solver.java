package dev.staffing.assignment.engine;

/**
 * Fills and rebalances the seats of a pool as its people and projects change. The model tells it what
 * changed, after releasing the holdings a change ends; {@link #decide} then settles the pool.
 */
interface Solver {

    /** A person appeared or changed (profile, capacity or availability); their holdings are already valid. */
    void personChanged(PersonState person);

    /** A slot appeared or changed (seats, weight, requirements or allocation); its holdings are already valid. */
    void slotChanged(SlotState slot);

    /** A slot is going away; its holders are already released. */
    void slotRemoved(SlotState slot);

    /** A holding is about to end by rule (departure, leave, eligibility, capacity, a slot shrinking or going). */
    void released(PersonState person, SlotState slot);

    /** Fills and rebalances what the changes allow; returns what the churn budget held back. */
    HeldBack decide(ChangeLog log);
}
