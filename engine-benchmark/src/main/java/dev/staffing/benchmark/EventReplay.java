package dev.staffing.benchmark;

import dev.staffing.assignment.engine.PoolDecision;
import dev.staffing.assignment.engine.StaffingPool;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Applies a stream of events to live pools, timing each as the service pays for it: the call that
 * tells the pool what changed plus {@code decide()}. Nothing else is inside the timing; the events are
 * drawn before it starts.
 */
final class EventReplay {

    private final long[] nanos;
    private final EventKind[] kinds;
    private final boolean[] heldBack;
    private long decidedChanges;

    private EventReplay(int events) {
        this.nanos = new long[events];
        this.kinds = new EventKind[events];
        this.heldBack = new boolean[events];
    }

    static EventReplay run(List<StaffingPool> pools, EventStream stream, int events) {
        EventReplay replay = new EventReplay(events);
        for (int i = 0; i < events; i++) {
            PoolEvent event = stream.next();
            StaffingPool pool = pools.get(event.pool());
            long start = System.nanoTime();
            event.change().applyTo(pool);
            PoolDecision decision = pool.decide();
            replay.nanos[i] = System.nanoTime() - start;
            replay.kinds[i] = event.kind();
            replay.heldBack[i] = decision.heldBack().any();
            replay.decidedChanges += decision.changes().size();
        }
        return replay;
    }

    Latency overall() {
        return Latency.of(nanos);
    }

    /** The latency of one kind of event, and how many of its decisions the churn budget held back. */
    record KindLatency(Latency latency, long heldBack) {
    }

    Map<EventKind, KindLatency> byKind() {
        Map<EventKind, KindLatency> byKind = new EnumMap<>(EventKind.class);
        for (EventKind kind : EventKind.values()) {
            int[] ofKind = IntStream.range(0, nanos.length).filter(i -> kinds[i] == kind).toArray();
            if (ofKind.length > 0) {
                byKind.put(kind, new KindLatency(Latency.of(IntStream.of(ofKind).mapToLong(i -> nanos[i]).toArray()),
                        IntStream.of(ofKind).filter(i -> heldBack[i]).count()));
            }
        }
        return byKind;
    }

    /** Decisions that held a rebalance back: they take the churn budget's slower path. */
    long heldBack() {
        return IntStream.range(0, heldBack.length).filter(i -> heldBack[i]).count();
    }

    /** Assignments and releases the events caused, so a run that decided nothing shows. */
    long decidedChanges() {
        return decidedChanges;
    }
}
