package dev.staffing.assignment.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A simple, correct engine: keeps every holding that is still valid (stability), releases what is no
 * longer possible, then fills the open seats from the highest weight down with the eligible person who
 * has the most capacity left (spreading load), ties broken by id.
 */
public final class GreedyAssignmentEngine implements AssignmentEngine {

    static final Comparator<SeatDemand> FILL_ORDER = Comparator.comparingLong(SeatDemand::weight).reversed()
            .thenComparing(SeatDemand::neededFrom)
            .thenComparing(SeatDemand::key);

    @Override
    public Decision decide(PoolState state) {
        HoldingReview review = HoldingReview.of(state);
        Map<String, Integer> remaining = new HashMap<>();
        review.people().values().forEach(person -> remaining.put(person.id(), person.capacity()));
        Map<SeatKey, Holding> holdingBySeat = new TreeMap<>();
        Set<String> personInSlot = new HashSet<>();
        long nextOrder = review.nextOrder();
        for (Holding holding : review.kept()) {
            holdingBySeat.put(holding.seat(), holding);
            remaining.merge(holding.personId(), -holding.allocation(), Integer::sum);
            personInSlot.add(slotOf(holding.seat(), holding.personId()));
        }

        List<AssignmentChange> assignments = new ArrayList<>();
        List<SeatDemand> open = review.seats().values().stream()
                .filter(seat -> !holdingBySeat.containsKey(seat.key()))
                .sorted(FILL_ORDER)
                .toList();
        for (SeatDemand seat : open) {
            Candidate best = bestCandidate(seat, state.people(), remaining, personInSlot);
            if (best != null) {
                Holding holding = new Holding(seat.key(), best.id(), seat.persona(), seat.allocation(), nextOrder++);
                holdingBySeat.put(seat.key(), holding);
                remaining.merge(best.id(), -seat.allocation(), Integer::sum);
                personInSlot.add(slotOf(seat.key(), best.id()));
                assignments.add(AssignmentChange.assigned(holding, HoldingReview.fillDetail(holding)));
            }
        }

        return review.decision(holdingBySeat.values(), assignments, remaining);
    }

    private static Candidate bestCandidate(SeatDemand seat, List<Candidate> people, Map<String, Integer> remaining,
            Set<String> personInSlot) {
        Candidate best = null;
        int bestRemaining = -1;
        for (Candidate person : people) {
            int left = remaining.get(person.id());
            if (left < seat.allocation() || !Eligibility.eligible(person, seat)
                    || personInSlot.contains(slotOf(seat.key(), person.id()))) {
                continue;
            }
            if (left > bestRemaining || (left == bestRemaining && person.id().compareTo(best.id()) < 0)) {
                best = person;
                bestRemaining = left;
            }
        }
        return best;
    }

    private static String slotOf(SeatKey seat, String personId) {
        return seat.projectId() + "/" + seat.slotId() + "#" + personId;
    }
}
