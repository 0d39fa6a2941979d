package dev.staffing.assignment.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
        Map<String, Candidate> people = new HashMap<>();
        state.people().forEach(person -> people.put(person.id(), person));
        Map<SeatKey, SeatDemand> seats = new TreeMap<>();
        state.seats().forEach(seat -> seats.put(seat.key(), seat));

        List<AssignmentChange> releases = new ArrayList<>();
        Map<SeatKey, Gap> freedByHolder = new HashMap<>();
        List<Holding> kept = keepValidHoldings(state, people, seats, releases, freedByHolder);
        kept = releaseOverCapacity(kept, people, seats, releases);

        Map<String, Integer> remaining = new HashMap<>();
        people.values().forEach(person -> remaining.put(person.id(), person.capacity()));
        Map<SeatKey, Holding> holdingBySeat = new TreeMap<>();
        Set<String> personInSlot = new HashSet<>();
        long nextOrder = 1;
        for (Holding holding : kept) {
            holdingBySeat.put(holding.seat(), holding);
            remaining.merge(holding.personId(), -holding.allocation(), Integer::sum);
            personInSlot.add(slotOf(holding.seat(), holding.personId()));
            nextOrder = Math.max(nextOrder, holding.order() + 1);
        }

        List<AssignmentChange> assignments = new ArrayList<>();
        List<SeatDemand> open = seats.values().stream()
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
                assignments.add(AssignmentChange.assigned(holding,
                        "employee " + best.id() + " fills open seat " + seat.key() + " (" + seat.persona() + ")"));
            }
        }

        GapExplainer explainer = new GapExplainer(state, remaining, holdingBySeat.values());
        List<Gap> gaps = new ArrayList<>();
        for (SeatDemand seat : seats.values()) {
            if (!holdingBySeat.containsKey(seat.key())) {
                gaps.add(explainer.explain(seat, freedByHolder.get(seat.key())));
            }
        }
        List<AssignmentChange> changes = new ArrayList<>(releases);
        changes.addAll(assignments);
        return new Decision(new ArrayList<>(holdingBySeat.values()), changes, gaps);
    }

    private static List<Holding> keepValidHoldings(PoolState state, Map<String, Candidate> people,
            Map<SeatKey, SeatDemand> seats, List<AssignmentChange> releases, Map<SeatKey, Gap> freedByHolder) {
        List<Holding> kept = new ArrayList<>();
        List<Holding> holdings = new ArrayList<>(state.holdings());
        holdings.sort(Comparator.comparing(Holding::seat));
        for (Holding holding : holdings) {
            SeatDemand seat = seats.get(holding.seat());
            Candidate person = people.get(holding.personId());
            String who = "employee " + holding.personId();
            if (seat == null) {
                boolean closed = state.closedProjectIds().contains(holding.seat().projectId());
                releases.add(AssignmentChange.released(holding,
                        closed ? ChangeReason.PROJECT_CLOSED : ChangeReason.SLOT_REMOVED,
                        who + " released: " + (closed ? "project " + holding.seat().projectId() + " closed or ended"
                                : "seat " + holding.seat() + " no longer exists")));
            } else if (person == null || person.availability() == Availability.DEPARTED) {
                String note = person == null ? "is no longer known" : person.availabilityNote();
                releases.add(AssignmentChange.released(holding, ChangeReason.PERSON_DEPARTED, who + " released: " + note));
                freedByHolder.put(seat.key(), gapFreedBy(seat, state, GapCause.HOLDER_DEPARTED,
                        "holder " + holding.personId() + " departed: " + note));
            } else if (person.availability() == Availability.ON_LEAVE) {
                releases.add(AssignmentChange.released(holding, ChangeReason.PERSON_ON_LEAVE,
                        who + " released: " + person.availabilityNote()));
                freedByHolder.put(seat.key(), gapFreedBy(seat, state, GapCause.HOLDER_ON_LEAVE,
                        "holder " + holding.personId() + " is on leave: " + person.availabilityNote()));
            } else if (!Eligibility.qualifies(person, seat)) {
                releases.add(AssignmentChange.released(holding, ChangeReason.NO_LONGER_ELIGIBLE,
                        who + " released: no longer holds persona, skills or seniority for " + seat.key()));
            } else {
                kept.add(new Holding(holding.seat(), holding.personId(), seat.persona(), seat.allocation(),
                        holding.order()));
            }
        }
        return kept;
    }

    private static Gap gapFreedBy(SeatDemand seat, PoolState state, GapCause cause, String detail) {
        return new Gap(seat.key(), seat.persona(), cause, detail, GapExplainer.effectiveDate(seat, state.today()));
    }

    /** Where a capacity drop leaves someone over their FTE, their lowest-weight, most recent seats go first. */
    private static List<Holding> releaseOverCapacity(List<Holding> kept, Map<String, Candidate> people,
            Map<SeatKey, SeatDemand> seats, List<AssignmentChange> releases) {
        Map<String, List<Holding>> byPerson = new LinkedHashMap<>();
        kept.forEach(holding -> byPerson.computeIfAbsent(holding.personId(), id -> new ArrayList<>()).add(holding));
        Set<Holding> released = new HashSet<>();
        Comparator<Holding> releaseOrder = Comparator.<Holding>comparingLong(h -> seats.get(h.seat()).weight())
                .thenComparing(Comparator.comparingLong(Holding::order).reversed());
        byPerson.forEach((personId, holdings) -> {
            int capacity = people.get(personId).capacity();
            int used = holdings.stream().mapToInt(Holding::allocation).sum();
            List<Holding> candidates = new ArrayList<>(holdings);
            candidates.sort(releaseOrder);
            for (Holding holding : candidates) {
                if (used <= capacity) {
                    break;
                }
                used -= holding.allocation();
                released.add(holding);
                releases.add(AssignmentChange.released(holding, ChangeReason.CAPACITY_REDUCED,
                        "employee " + personId + " released: capacity " + capacity + "/100 FTE no longer covers "
                                + holding.seat()));
            }
        });
        return kept.stream().filter(holding -> !released.contains(holding)).toList();
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
