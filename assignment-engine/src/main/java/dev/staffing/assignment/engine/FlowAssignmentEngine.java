package dev.staffing.assignment.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The exact engine where the problem is a weighted b-matching: when every seat of the pool asks for
 * the same allocation, each person can take {@code capacity / allocation} seats, and a minimum-cost
 * flow finds, in this order, (1) the largest total weight of filled seats, (2) among those, the one
 * that keeps the most current holdings, so no one is moved unless that strictly raises (1), and
 * (3) the one that spreads seats over the most people; what is left is broken by id order. Pools with
 * mixed allocations are decided by {@link GreedyAssignmentEngine}.
 */
public final class FlowAssignmentEngine implements AssignmentEngine {

    private final AssignmentEngine mixedAllocations = new GreedyAssignmentEngine();

    @Override
    public Decision decide(PoolState state) {
        Set<Integer> allocations = state.seats().stream().map(SeatDemand::allocation).collect(Collectors.toSet());
        if (!isExact(state)) {
            return mixedAllocations.decide(state);
        }
        HoldingReview review = HoldingReview.of(state);
        if (allocations.isEmpty()) {
            return review.decision(List.of(), List.of(), capacities(review));
        }
        int allocation = allocations.iterator().next();
        Decision best = new Network(review, allocation, false).solve();
        int moves = (int) best.changes().stream().filter(c -> c.reason() == ChangeReason.REBALANCED).count();
        if (moves <= state.churnBudget()) {
            return best;
        }
        Decision withinBudget = new Network(review, allocation, true).solve();
        return withinBudget.withHeldBack(new HeldBack(moves, weight(best, review) - weight(withinBudget, review)));
    }

    private static long weight(Decision decision, HoldingReview review) {
        return decision.holdings().stream().mapToLong(holding -> review.seats().get(holding.seat()).weight()).sum();
    }

    /** One allocation for every seat, and the seats of each slot alike (as the service builds them). */
    static boolean isExact(PoolState state) {
        if (state.seats().stream().map(SeatDemand::allocation).distinct().count() > 1) {
            return false;
        }
        Map<String, SeatDemand> firstOfSlot = new HashMap<>();
        for (SeatDemand seat : state.seats()) {
            SeatDemand first = firstOfSlot.putIfAbsent(Network.slotKey(seat.key()), seat);
            if (first != null && (!first.persona().equals(seat.persona()) || first.weight() != seat.weight()
                    || !first.requiredSkills().equals(seat.requiredSkills())
                    || first.minSeniority() != seat.minSeniority())) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, Integer> capacities(HoldingReview review) {
        Map<String, Integer> remaining = new HashMap<>();
        review.people().values().forEach(person -> remaining.put(person.id(), person.capacity()));
        return remaining;
    }

    /** The flow network of one decision: source, people, person-in-slot, seats, sink, in that node order. */
    private static final class Network {

        private final HoldingReview review;
        private final int allocation;
        private final List<Candidate> people;
        private final Map<String, List<SeatDemand>> seatsBySlot = new TreeMap<>();
        private final Map<SeatKey, Holding> kept = new HashMap<>();
        private final boolean keepFirst;

        /** @param keepFirst keep every current holding before all else (the churn budget's fallback) */
        Network(HoldingReview review, int allocation, boolean keepFirst) {
            this.review = review;
            this.allocation = allocation;
            this.keepFirst = keepFirst;
            this.people = review.people().values().stream()
                    .filter(person -> person.isActive() && person.capacity() >= allocation)
                    .sorted((a, b) -> a.id().compareTo(b.id()))
                    .toList();
            review.seats().values().forEach(seat -> seatsBySlot
                    .computeIfAbsent(slotKey(seat.key()), key -> new ArrayList<>()).add(seat));
            review.kept().forEach(holding -> kept.put(holding.seat(), holding));
        }

        Decision solve() {
            List<List<SeatDemand>> slots = new ArrayList<>(seatsBySlot.values());
            Map<String, List<Integer>> peopleByPersona = new HashMap<>();
            for (int p = 0; p < people.size(); p++) {
                for (String persona : people.get(p).personas()) {
                    peopleByPersona.computeIfAbsent(persona, key -> new ArrayList<>()).add(p);
                }
            }
            int source = 0;
            int firstPerson = 1;
            int firstSlot = firstPerson + people.size();
            int sink = firstSlot + slots.size();
            MinCostFlow flow = new MinCostFlow(sink + 1);

            long loadPenalties = 1;
            for (int p = 0; p < people.size(); p++) {
                int units = people.get(p).capacity() / allocation;
                for (int unit = 0; unit < units; unit++) {
                    flow.addArc(source, firstPerson + p, 1, unit);
                    loadPenalties += unit;
                }
            }
            long keepBonus = loadPenalties + 1;
            long weightScale = keepBonus * (kept.size() + 1);
            if (keepFirst) {
                long allWeight = review.seats().values().stream().mapToLong(SeatDemand::weight).sum();
                keepBonus = weightScale * (allWeight + 1);
            }

            // Seats of one slot are alike, and one person takes at most one of them: an arc per person and slot.
            Map<Integer, int[]> pairOfArc = new LinkedHashMap<>();
            for (int s = 0; s < slots.size(); s++) {
                SeatDemand first = slots.get(s).get(0);
                Set<String> holders = holdersOf(slots.get(s));
                for (int p : peopleByPersona.getOrDefault(first.persona(), List.of())) {
                    if (Eligibility.qualifies(people.get(p), first)) {
                        long value = first.weight() * weightScale
                                + (holders.contains(people.get(p).id()) ? keepBonus : 0);
                        pairOfArc.put(flow.addArc(firstPerson + p, firstSlot + s, 1, -value), new int[] {p, s});
                    }
                }
                flow.addArc(firstSlot + s, sink, slots.get(s).size(), 0);
            }
            flow.minimise(source, sink);

            Map<Integer, List<Candidate>> chosenBySlot = new TreeMap<>();
            pairOfArc.forEach((arc, pair) -> {
                if (flow.flow(arc) > 0) {
                    chosenBySlot.computeIfAbsent(pair[1], key -> new ArrayList<>()).add(people.get(pair[0]));
                }
            });
            Map<SeatKey, Candidate> chosen = new TreeMap<>();
            chosenBySlot.forEach((s, persons) -> seat(slots.get(s), persons, chosen));
            return decisionFrom(chosen);
        }

        private Set<String> holdersOf(List<SeatDemand> slot) {
            Set<String> holders = new java.util.HashSet<>();
            for (SeatDemand seat : slot) {
                Holding holding = kept.get(seat.key());
                if (holding != null) {
                    holders.add(holding.personId());
                }
            }
            return holders;
        }

        /** Holders keep their seat; the others take the free seats in number order, by id. */
        private void seat(List<SeatDemand> slot, List<Candidate> persons, Map<SeatKey, Candidate> chosen) {
            List<Candidate> newcomers = new ArrayList<>();
            Set<SeatKey> taken = new java.util.HashSet<>();
            for (Candidate person : persons) {
                SeatKey held = slot.stream().map(SeatDemand::key)
                        .filter(key -> kept.containsKey(key) && kept.get(key).personId().equals(person.id()))
                        .findFirst().orElse(null);
                if (held == null) {
                    newcomers.add(person);
                } else {
                    chosen.put(held, person);
                    taken.add(held);
                }
            }
            newcomers.sort((a, b) -> a.id().compareTo(b.id()));
            int next = 0;
            for (SeatDemand seat : slot) {
                if (next < newcomers.size() && !taken.contains(seat.key())) {
                    chosen.put(seat.key(), newcomers.get(next++));
                }
            }
        }

        private Decision decisionFrom(Map<SeatKey, Candidate> chosen) {
            List<Holding> holdings = new ArrayList<>();
            List<AssignmentChange> changes = new ArrayList<>();
            Map<String, Integer> remaining = capacities(review);
            for (Holding holding : review.kept()) {
                Candidate now = chosen.get(holding.seat());
                if (now == null || !now.id().equals(holding.personId())) {
                    changes.add(AssignmentChange.released(holding, ChangeReason.REBALANCED, "employee "
                            + holding.personId() + " released from " + holding.seat()
                            + ": a higher total weight of filled seats needs the move"));
                }
            }
            long nextOrder = review.nextOrder();
            for (Map.Entry<SeatKey, Candidate> entry : chosen.entrySet()) {
                Holding holding = kept.get(entry.getKey());
                if (holding == null || !holding.personId().equals(entry.getValue().id())) {
                    holding = new Holding(entry.getKey(), entry.getValue().id(),
                            review.seats().get(entry.getKey()).persona(), allocation, nextOrder++);
                    changes.add(AssignmentChange.assigned(holding, HoldingReview.fillDetail(holding)));
                }
                holdings.add(holding);
                remaining.merge(holding.personId(), -allocation, Integer::sum);
            }
            return review.decision(holdings, changes, remaining);
        }

        static String slotKey(SeatKey seat) {
            return seat.projectId() + "\u0000" + seat.slotId();
        }
    }
}
