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
        if (allocations.size() > 1) {
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

    static boolean isExact(PoolState state) {
        return state.seats().stream().map(SeatDemand::allocation).distinct().count() <= 1;
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
            List<int[]> personSlots = new ArrayList<>();
            List<List<SeatDemand>> slots = new ArrayList<>(seatsBySlot.values());
            for (int p = 0; p < people.size(); p++) {
                for (int s = 0; s < slots.size(); s++) {
                    if (Eligibility.qualifies(people.get(p), slots.get(s).get(0))) {
                        personSlots.add(new int[] {p, s});
                    }
                }
            }
            List<SeatDemand> seats = new ArrayList<>(review.seats().values());
            Map<SeatKey, Integer> seatIndex = new HashMap<>();
            for (int i = 0; i < seats.size(); i++) {
                seatIndex.put(seats.get(i).key(), i);
            }
            int source = 0;
            int firstPerson = 1;
            int firstPersonSlot = firstPerson + people.size();
            int firstSeat = firstPersonSlot + personSlots.size();
            int sink = firstSeat + seats.size();
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
                long allWeight = seats.stream().mapToLong(SeatDemand::weight).sum();
                keepBonus = weightScale * (allWeight + 1);
            }

            Map<Integer, SeatKey> seatOfArc = new LinkedHashMap<>();
            Map<Integer, Candidate> personOfArc = new HashMap<>();
            for (int i = 0; i < personSlots.size(); i++) {
                Candidate person = people.get(personSlots.get(i)[0]);
                flow.addArc(firstPerson + personSlots.get(i)[0], firstPersonSlot + i, 1, 0);
                for (SeatDemand seat : slots.get(personSlots.get(i)[1])) {
                    Holding holding = kept.get(seat.key());
                    boolean holds = holding != null && holding.personId().equals(person.id());
                    long value = seat.weight() * weightScale + (holds ? keepBonus : 0);
                    int arc = flow.addArc(firstPersonSlot + i, firstSeat + seatIndex.get(seat.key()), 1, -value);
                    seatOfArc.put(arc, seat.key());
                    personOfArc.put(arc, person);
                }
            }
            for (int i = 0; i < seats.size(); i++) {
                flow.addArc(firstSeat + i, sink, 1, 0);
            }
            flow.minimise(source, sink);
            return decisionFrom(flow, seatOfArc, personOfArc);
        }

        private Decision decisionFrom(MinCostFlow flow, Map<Integer, SeatKey> seatOfArc,
                Map<Integer, Candidate> personOfArc) {
            Map<SeatKey, Candidate> chosen = new TreeMap<>();
            seatOfArc.forEach((arc, seat) -> {
                if (flow.flow(arc) > 0) {
                    chosen.put(seat, personOfArc.get(arc));
                }
            });
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

        private static String slotKey(SeatKey seat) {
            return seat.projectId() + "\u0000" + seat.slotId();
        }
    }
}
