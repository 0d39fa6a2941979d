package dev.staffing.assignment.engine;

/**
 * A rebalance the churn budget held back: it would have moved {@code moves} current holders to fill
 * {@code weight} more weight of seats. {@link #NONE} when nothing was held back. Moves that honour a pin
 * are never held back, nor counted here: a staffing manager asked for them.
 */
public record HeldBack(int moves, long weight) {

    public static final HeldBack NONE = new HeldBack(0, 0);

    public boolean any() {
        return moves > 0;
    }
}
