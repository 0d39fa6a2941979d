package dev.staffing.assignment.personas;

/**
 * How much an empty seat of a persona hurts. It multiplies the weight of the persona's seats and sets
 * the floor of its gaps' severity.
 */
public enum Criticality {
    LOW(1),
    NORMAL(2),
    HIGH(3),
    CRITICAL(5);

    private final int weightFactor;

    Criticality(int weightFactor) {
        this.weightFactor = weightFactor;
    }

    public int weightFactor() {
        return weightFactor;
    }
}
