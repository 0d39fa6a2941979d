package dev.staffing.assignment.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What every engine does first and last. First: release the holdings that can no longer stand (the
 * seat is gone, the person departed, is on leave or no longer qualifies, or a capacity drop leaves
 * them over their FTE) and keep the rest. Last: explain every seat left empty and assemble the decision.
 */
final class HoldingReview {

    private final PoolState state;
    private final Map<String, Candidate> people = new HashMap<>();
    private final Map<SeatKey, SeatDemand> seats = new TreeMap<>();
    private final List<AssignmentChange> releases = new ArrayList<>();
    private final Map<SeatKey, Gap> freedByHolder = new HashMap<>();
    private final List<Holding> kept;

    private HoldingReview(PoolState state) {
        this.state = state;
        state.people().forEach(person -> people.put(person.id(), person));
        state.seats().forEach(seat -> seats.put(seat.key(), seat));
        List<Holding> valid = keepValidHoldings(state, people, seats, releases, freedByHolder);
        this.kept = releaseOverCapacity(valid, people, seats, releases);
    }

    static HoldingReview of(PoolState state) {
        return new HoldingReview(state);
    }

    Map<String, Candidate> people() {
        return people;
    }

    /** Every seat of the pool, in seat order. */
    Map<SeatKey, SeatDemand> seats() {
        return seats;
    }

    /** The holdings that stand, in seat order, with their seat's current allocation. */
    List<Holding> kept() {
        return kept;
    }

    long nextOrder() {
        return state.holdings().stream().mapToLong(Holding::order).max().orElse(0) + 1;
    }

    static String fillDetail(Holding holding) {
        return "employee " + holding.personId() + " fills open seat " + holding.seat() + " (" + holding.persona()
                + ")";
    }

    /**
     * @param holdings every holding after the decision
     * @param assignments the new holdings among them, as changes
     * @param remaining each person's capacity left after the decision
     */
    Decision decision(Collection<Holding> holdings, List<AssignmentChange> assignments,
            Map<String, Integer> remaining) {
        Map<SeatKey, Holding> bySeat = new TreeMap<>();
        holdings.forEach(holding -> bySeat.put(holding.seat(), holding));
        GapExplainer explainer = new GapExplainer(state, remaining, bySeat.values());
        CandidateRanker ranker = new CandidateRanker(state, remaining, bySeat.values());
        List<Gap> gaps = new ArrayList<>();
        List<Gap> upcoming = new ArrayList<>();
        for (SeatDemand seat : seats.values()) {
            Holding holding = bySeat.get(seat.key());
            if (holding == null) {
                Gap gap = explainer.explain(seat, freedByHolder.get(seat.key()));
                if (!gap.effectiveDate().isAfter(state.horizonEnd())) {
                    gaps.add(ranker.annotate(gap, seat, null));
                }
            } else {
                Absence absence = state.upcomingAbsences().get(holding.personId());
                if (absence != null && !absence.from().isAfter(state.horizonEnd())) {
                    upcoming.add(ranker.annotate(upcomingGap(seat, holding, absence), seat, holding.personId()));
                }
            }
        }
        List<AssignmentChange> changes = new ArrayList<>(releases);
        changes.addAll(assignments);
        return new Decision(new ArrayList<>(bySeat.values()), changes, gaps, upcoming, HeldBack.NONE);
    }

    private static Gap upcomingGap(SeatDemand seat, Holding holding, Absence absence) {
        boolean departs = absence.kind() == Availability.DEPARTED;
        return new Gap(seat.key(), seat.persona(), departs ? GapCause.HOLDER_DEPARTED : GapCause.HOLDER_ON_LEAVE,
                "holder " + holding.personId() + (departs ? " departs: " : " goes on leave: ") + absence.note(),
                absence.from());
    }

    private static List<Holding> keepValidHoldings(PoolState state, Map<String, Candidate> people,
            Map<SeatKey, SeatDemand> seats, List<AssignmentChange> releases, Map<SeatKey, Gap> freedByHolder) {
        List<Holding> kept = new ArrayList<>();
        List<Holding> holdings = fitShrunkSlots(state, people, seats, releases);
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

    /**
     * Where a slot shrank below a seat someone holds, the most recently assigned leave first: the
     * earliest holders who may stay keep their seat or take the lowest free one (SEAT_RENUMBERED), the
     * rest are released (SLOT_REMOVED). Holders who may not stay anyway are left to the usual checks.
     */
    private static List<Holding> fitShrunkSlots(PoolState state, Map<String, Candidate> people,
            Map<SeatKey, SeatDemand> seats, List<AssignmentChange> releases) {
        Map<String, List<SeatDemand>> seatsBySlot = new HashMap<>();
        seats.values().forEach(seat -> seatsBySlot.computeIfAbsent(slotOf(seat.key()), key -> new ArrayList<>())
                .add(seat));
        Map<String, List<Holding>> holdingsBySlot = new LinkedHashMap<>();
        state.holdings().stream().sorted(Comparator.comparing(Holding::seat))
                .forEach(h -> holdingsBySlot.computeIfAbsent(slotOf(h.seat()), key -> new ArrayList<>()).add(h));
        List<Holding> result = new ArrayList<>();
        List<AssignmentChange> renumbered = new ArrayList<>();
        holdingsBySlot.forEach((slot, holdings) -> {
            List<SeatDemand> remaining = seatsBySlot.getOrDefault(slot, List.of());
            int size = remaining.size();
            List<Holding> staying = holdings.stream().filter(h -> mayStay(h, people, remaining)).toList();
            if (size == 0 || staying.stream().allMatch(h -> h.seat().seat() <= size)) {
                result.addAll(holdings);
                return;
            }
            holdings.stream().filter(h -> !staying.contains(h)).forEach(result::add);
            List<Holding> byOrder = new ArrayList<>(staying);
            byOrder.sort(Comparator.comparingLong(Holding::order).thenComparing(Holding::seat));
            List<Holding> survivors = byOrder.subList(0, Math.min(size, byOrder.size()));
            for (Holding leaver : byOrder.subList(survivors.size(), byOrder.size())) {
                releases.add(AssignmentChange.released(leaver, ChangeReason.SLOT_REMOVED, "employee "
                        + leaver.personId() + " released: the slot shrank to " + size
                        + " seats and the most recently assigned leave first"));
            }
            Set<Integer> taken = new HashSet<>();
            survivors.stream().filter(h -> h.seat().seat() <= size).forEach(h -> taken.add(h.seat().seat()));
            int free = 1;
            for (Holding survivor : survivors) {
                if (survivor.seat().seat() <= size) {
                    result.add(survivor);
                    continue;
                }
                while (taken.contains(free)) {
                    free++;
                }
                taken.add(free);
                Holding moved = new Holding(new SeatKey(survivor.seat().projectId(), survivor.seat().slotId(), free),
                        survivor.personId(), survivor.persona(), survivor.allocation(), survivor.order());
                String detail = "employee " + survivor.personId() + " moves from " + survivor.seat() + " to "
                        + moved.seat() + ": the slot shrank to " + size + " seats";
                renumbered.add(AssignmentChange.released(survivor, ChangeReason.SEAT_RENUMBERED, detail));
                renumbered.add(AssignmentChange.renumbered(moved, detail));
                result.add(moved);
            }
        });
        releases.addAll(renumbered);
        return result;
    }

    private static boolean mayStay(Holding holding, Map<String, Candidate> people, List<SeatDemand> slotSeats) {
        Candidate person = people.get(holding.personId());
        return person != null && person.isActive() && !slotSeats.isEmpty()
                && Eligibility.qualifies(person, slotSeats.get(0));
    }

    private static String slotOf(SeatKey seat) {
        return seat.projectId() + "/" + seat.slotId();
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
}
