package dev.staffing.assignment.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * For a seat left empty: the people of the persona who come nearest to filling it, what stops each
 * (departed, on leave, lacks a skill, not senior enough, at capacity and where), and the smallest
 * change that would fill it, such as moving someone from a seat of lower weight.
 */
final class CandidateRanker {

    private static final int LISTED = 3;

    private final PoolState state;
    private final Map<String, Integer> remaining;
    private final Map<String, List<Holding>> holdingsByPerson = new HashMap<>();
    private final Map<SeatKey, SeatDemand> seats = new HashMap<>();

    CandidateRanker(PoolState state, Map<String, Integer> remaining, Collection<Holding> holdings) {
        this.state = state;
        this.remaining = remaining;
        holdings.forEach(h -> holdingsByPerson.computeIfAbsent(h.personId(), id -> new ArrayList<>()).add(h));
        state.seats().forEach(seat -> seats.put(seat.key(), seat));
    }

    /** The gap with its nearest candidates and smallest change; {@code holderId} (may be null) is left out. */
    Gap annotate(Gap gap, SeatDemand seat, String holderId) {
        List<Blocked> blocked = state.people().stream()
                .filter(person -> person.personas().contains(seat.persona()) && !person.id().equals(holderId))
                .map(person -> new Blocked(person, blockers(person, seat)))
                .sorted(Comparator.comparingInt((Blocked b) -> b.blockers().size())
                        .thenComparingInt(Blocked::rank)
                        .thenComparing(b -> b.person().id()))
                .toList();
        List<String> nearest = blocked.stream().limit(LISTED)
                .map(b -> b.person().id() + ": " + String.join("; ", b.blockers()))
                .toList();
        return gap.withCandidates(nearest, suggestion(seat, blocked));
    }

    private List<String> blockers(Candidate person, SeatDemand seat) {
        List<String> blockers = new ArrayList<>();
        if (!person.isActive()) {
            blockers.add(person.availabilityNote());
        }
        Eligibility.missingSkills(person, seat).forEach(skill -> blockers.add("lacks skill " + skill));
        if (person.seniority() < seat.minSeniority()) {
            blockers.add("below the minimum seniority");
        }
        List<Holding> held = holdingsByPerson.getOrDefault(person.id(), List.of());
        held.stream().filter(h -> sameSlot(h.seat(), seat.key())).findFirst()
                .ifPresent(h -> blockers.add("already on " + h.seat() + " of this slot"));
        if (remaining.getOrDefault(person.id(), person.capacity()) < seat.allocation()) {
            blockers.add("at capacity on " + held.stream().map(h -> h.seat().asString())
                    .collect(Collectors.joining(", ")));
        }
        return blockers;
    }

    private String suggestion(SeatDemand seat, List<Blocked> blocked) {
        Move best = null;
        boolean onlyCapacityStops = false;
        for (Blocked candidate : blocked) {
            if (candidate.blockers().size() != 1 || !candidate.blockers().get(0).startsWith("at capacity")) {
                continue;
            }
            onlyCapacityStops = true;
            int left = remaining.getOrDefault(candidate.person().id(), 0);
            for (Holding holding : holdingsByPerson.getOrDefault(candidate.person().id(), List.of())) {
                long weight = seats.get(holding.seat()).weight();
                if (weight < seat.weight() && left + holding.allocation() >= seat.allocation()
                        && (best == null || weight < best.weight())) {
                    best = new Move(holding, weight);
                }
            }
        }
        if (best != null) {
            return "move " + best.from().personId() + " from " + best.from().seat() + " (weight " + best.weight()
                    + ") to this seat (weight " + seat.weight() + "); " + best.from().seat() + " opens instead";
        }
        for (Blocked candidate : blocked) {
            Set<String> missing = Eligibility.missingSkills(candidate.person(), seat);
            if (candidate.person().isActive() && !missing.isEmpty() && candidate.blockers().size() == missing.size()) {
                return "add skill " + String.join(", ", missing) + " to " + candidate.person().id();
            }
        }
        for (Blocked candidate : blocked) {
            if (candidate.person().availability() == Availability.ON_LEAVE && candidate.blockers().size() == 1) {
                return candidate.person().id() + " can take it after their leave (" + candidate.person()
                        .availabilityNote() + ")";
            }
        }
        if (blocked.isEmpty()) {
            return "hire or reskill someone as " + seat.persona();
        }
        return onlyCapacityStops ? "no move fills it without emptying a seat of equal or higher weight" : "";
    }

    private static boolean sameSlot(SeatKey a, SeatKey b) {
        return a.projectId().equals(b.projectId()) && a.slotId().equals(b.slotId()) && a.seat() != b.seat();
    }

    /** A person of the persona and what stops them; capacity alone is the easiest to change. */
    private record Blocked(Candidate person, List<String> blockers) {

        int rank() {
            if (blockers.isEmpty()) {
                return 0;
            }
            String first = blockers.get(0);
            return first.startsWith("at capacity") ? 1 : first.startsWith("lacks skill") ? 2
                    : first.startsWith("below") ? 3 : 4;
        }
    }

    private record Move(Holding from, long weight) {
    }
}
