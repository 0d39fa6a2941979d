package dev.staffing.assignment.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An independent exact solver for small pools, written for the tests: every assignment of seats to
 * people (or to no one), checked against the brief's rules (active, persona, skills, seniority, not
 * excluded, capacity, one seat per slot and person), written from the brief and not from the engine.
 * The best assignment honours the most pins, then fills the most weight, then keeps the most holders.
 */
final class BruteForce {

    long mostPins = -1;
    /** The weight filled among assignments that honour the most pins. */
    long bestWeight = -1;
    long mostKeptAtBestWeight = -1;
    private final List<Candidate> people;
    private final List<Seat> seats = new ArrayList<>();
    private final Set<String> holdings = new HashSet<>();
    private final int[] choice;
    private final PoolSnapshot snapshot;

    private record Seat(String project, String slot, SlotDemand demand) {
    }

    BruteForce(PoolSnapshot snapshot, List<Holding> before) {
        this.snapshot = snapshot;
        this.people = snapshot.people();
        for (ProjectDemand project : snapshot.projects()) {
            for (SlotDemand slot : project.slots()) {
                for (int seat = 1; seat <= slot.seats(); seat++) {
                    seats.add(new Seat(project.id(), slot.slotId(), slot));
                }
            }
        }
        before.forEach(h -> holdings.add(h.seat().projectId() + "/" + h.seat().slotId() + "#" + h.personId()));
        this.choice = new int[seats.size()];
        search(0);
    }

    /** The weight the holdings fill. */
    static long weightOf(PoolSnapshot snapshot, List<Holding> holdings) {
        Map<String, Long> weights = new HashMap<>();
        snapshot.projects().forEach(project -> project.slots().forEach(
                slot -> weights.put(project.id() + "/" + slot.slotId(), slot.weight())));
        return holdings.stream().mapToLong(h -> weights.get(h.seat().projectId() + "/" + h.seat().slotId())).sum();
    }

    /** How many pins the holdings honour. */
    static long pinsOf(PoolSnapshot snapshot, List<Holding> holdings) {
        Map<String, Set<String>> pinned = new HashMap<>();
        snapshot.projects().forEach(project -> project.slots().forEach(
                slot -> pinned.put(project.id() + "/" + slot.slotId(), slot.pinned())));
        return holdings.stream().filter(h -> pinned.get(h.seat().projectId() + "/" + h.seat().slotId())
                .contains(h.personId())).count();
    }

    private void search(int seat) {
        if (seat == choice.length) {
            evaluate();
            return;
        }
        for (int person = -1; person < people.size(); person++) {
            choice[seat] = person;
            search(seat + 1);
        }
    }

    private void evaluate() {
        Map<Integer, Integer> load = new HashMap<>();
        Set<String> personInSlot = new HashSet<>();
        long weight = 0;
        long kept = 0;
        long pins = 0;
        for (int s = 0; s < choice.length; s++) {
            if (choice[s] < 0) {
                continue;
            }
            Seat seat = seats.get(s);
            Candidate person = people.get(choice[s]);
            boolean eligible = person.availabilityOn(snapshot.today()) == Availability.ACTIVE
                    && person.personas().contains(seat.demand().persona())
                    && person.skills().containsAll(seat.demand().requiredSkills())
                    && person.seniority() >= seat.demand().minSeniority()
                    && !seat.demand().excluded().contains(person.id());
            String inSlot = seat.project() + "/" + seat.slot() + "#" + person.id();
            if (!eligible || !personInSlot.add(inSlot)) {
                return;
            }
            if (load.merge(choice[s], seat.demand().allocation(), Integer::sum) > person.capacity()) {
                return;
            }
            weight += seat.demand().weight();
            if (seat.demand().pinned().contains(person.id())) {
                pins++;
            }
            if (holdings.contains(inSlot)) {
                kept++;
            }
        }
        if (pins > mostPins || (pins == mostPins && weight > bestWeight)) {
            mostPins = pins;
            bestWeight = weight;
            mostKeptAtBestWeight = kept;
        } else if (pins == mostPins && weight == bestWeight) {
            mostKeptAtBestWeight = Math.max(mostKeptAtBestWeight, kept);
        }
    }
}
