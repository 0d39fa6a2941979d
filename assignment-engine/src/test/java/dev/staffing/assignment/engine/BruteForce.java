package dev.staffing.assignment.engine;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * An independent exact solver for small pools, written for the tests: every assignment of seats to
 * people (or to no one), checked against the brief's rules (eligibility, capacity, one seat per slot
 * and person).
 */
final class BruteForce {

    long bestWeight = -1;
    long mostKeptAtBestWeight = -1;
    private final PoolState state;
    private final int[] choice;

    BruteForce(PoolState state) {
        this.state = state;
        this.choice = new int[state.seats().size()];
        search(0);
    }

    private void search(int seat) {
        if (seat == choice.length) {
            evaluate();
            return;
        }
        for (int person = -1; person < state.people().size(); person++) {
            choice[seat] = person;
            search(seat + 1);
        }
    }

    private void evaluate() {
        Map<Integer, Integer> load = new HashMap<>();
        Set<String> personInSlot = new HashSet<>();
        long weight = 0;
        long kept = 0;
        for (int s = 0; s < choice.length; s++) {
            if (choice[s] < 0) {
                continue;
            }
            SeatDemand seat = state.seats().get(s);
            Candidate person = state.people().get(choice[s]);
            boolean eligible = person.availability() == Availability.ACTIVE
                    && person.personas().contains(seat.persona())
                    && person.skills().containsAll(seat.requiredSkills())
                    && person.seniority() >= seat.minSeniority();
            if (!eligible || !personInSlot.add(seat.key().projectId() + "/" + seat.key().slotId() + "#"
                    + person.id())) {
                return;
            }
            if (load.merge(choice[s], seat.allocation(), Integer::sum) > person.capacity()) {
                return;
            }
            weight += seat.weight();
            for (Holding holding : state.holdings()) {
                if (holding.seat().equals(seat.key()) && holding.personId().equals(person.id())) {
                    kept++;
                }
            }
        }
        if (weight > bestWeight) {
            bestWeight = weight;
            mostKeptAtBestWeight = kept;
        } else if (weight == bestWeight) {
            mostKeptAtBestWeight = Math.max(mostKeptAtBestWeight, kept);
        }
    }
}
