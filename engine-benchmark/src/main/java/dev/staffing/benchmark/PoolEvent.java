package dev.staffing.benchmark;

/** A change for the pool at {@code pool} (its index in the organisation), and what kind of event it stands for. */
record PoolEvent(EventKind kind, int pool, PoolChange change) {
}
