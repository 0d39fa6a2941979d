package dev.staffing.benchmark;

import dev.staffing.assignment.engine.AssignmentEngine;
import dev.staffing.assignment.engine.Availability;
import dev.staffing.assignment.engine.Candidate;
import dev.staffing.assignment.engine.Decision;
import dev.staffing.assignment.engine.Gap;
import dev.staffing.assignment.engine.PoolState;
import dev.staffing.assignment.engine.SeatKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A stream of changes to decided pools (capacity changes, departures, hires), each answered by the
 * engine as the service answers an event today: the pool decided again from its current holdings.
 * Returns the nanoseconds each answer took.
 */
final class EventSimulator {

    private final AssignmentEngine engine;
    private final Random random;

    EventSimulator(AssignmentEngine engine, long seed) {
        this.engine = engine;
        this.random = new Random(seed);
    }

    long[] run(List<PoolState> pools, List<Decision> decisions, int events) {
        List<PoolState> states = new ArrayList<>(pools);
        List<Decision> current = new ArrayList<>(decisions);
        long[] nanos = new long[events];
        for (int event = 0; event < events; event++) {
            int pool = random.nextInt(states.size());
            PoolState changed = change(states.get(pool), current.get(pool), event);
            long start = System.nanoTime();
            Decision decision = engine.decide(changed);
            nanos[event] = System.nanoTime() - start;
            states.set(pool, changed);
            current.set(pool, decision);
        }
        return nanos;
    }

    private PoolState change(PoolState state, Decision decided, int event) {
        List<Candidate> people = new ArrayList<>(state.people());
        int index = random.nextInt(people.size());
        Candidate person = people.get(index);
        switch (random.nextInt(3)) {
            case 0 -> people.set(index, new Candidate(person.id(), person.personas(), person.skills(),
                    person.seniority(), person.capacity() == 100 ? 50 : 100, person.availability(), ""));
            case 1 -> people.set(index, new Candidate(person.id(), person.personas(), person.skills(),
                    person.seniority(), person.capacity(), Availability.DEPARTED, "departed"));
            default -> people.add(new Candidate(person.id() + "-h" + event, person.personas(), person.skills(),
                    person.seniority(), 100, Availability.ACTIVE, ""));
        }
        Map<SeatKey, Gap> gaps = new HashMap<>();
        decided.gaps().forEach(gap -> gaps.put(gap.seat(), gap));
        return new PoolState(state.today(), people, state.seats(), decided.holdings(), state.closedProjectIds(), gaps,
                state.upcomingAbsences(), state.horizonEnd(), state.churnBudget());
    }
}
