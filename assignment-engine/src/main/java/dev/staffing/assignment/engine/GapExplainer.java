package dev.staffing.assignment.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Says why a seat stayed empty, in a code and in words that name ids only. */
final class GapExplainer {

    private static final int LISTED = 5;

    private final PoolState state;
    private final Map<String, Integer> remaining;
    private final Map<String, List<SeatKey>> seatsByPerson = new TreeMap<>();

    GapExplainer(PoolState state, Map<String, Integer> remaining, Collection<Holding> holdings) {
        this.state = state;
        this.remaining = remaining;
        holdings.forEach(h -> seatsByPerson.computeIfAbsent(h.personId(), id -> new ArrayList<>()).add(h.seat()));
    }

    static LocalDate effectiveDate(SeatDemand seat, LocalDate today) {
        return seat.neededFrom().isAfter(today) ? seat.neededFrom() : today;
    }

    Gap explain(SeatDemand seat, Gap freedByHolder) {
        if (freedByHolder != null) {
            return freedByHolder;
        }
        Gap previous = state.previousGaps().get(seat.key());
        if (previous != null && !previous.effectiveDate().isAfter(state.today())
                && (previous.cause() == GapCause.HOLDER_DEPARTED || previous.cause() == GapCause.HOLDER_ON_LEAVE)) {
            return previous;
        }
        LocalDate effective = effectiveDate(seat, state.today());
        List<Candidate> holders = state.people().stream()
                .filter(person -> person.isActive() && person.personas().contains(seat.persona()))
                .toList();
        if (holders.isEmpty()) {
            return new Gap(seat.key(), seat.persona(), GapCause.NO_PERSONA_HOLDER,
                    "no active person in the pool holds persona " + seat.persona() + inactiveHolders(seat), effective);
        }
        List<Candidate> qualified = holders.stream().filter(person -> Eligibility.qualifies(person, seat)).toList();
        if (qualified.isEmpty()) {
            return new Gap(seat.key(), seat.persona(), GapCause.LACKS_SKILLS_OR_SENIORITY,
                    holders.size() + " active " + plural(holders.size(), "person holds", "people hold") + " persona "
                            + seat.persona() + " but none qualifies: " + shortfalls(seat, holders), effective);
        }
        String where = qualified.stream()
                .sorted((a, b) -> a.id().compareTo(b.id()))
                .limit(LISTED)
                .map(person -> person.id() + " " + describeLoad(person))
                .collect(Collectors.joining(", "));
        return new Gap(seat.key(), seat.persona(), GapCause.ALL_AT_CAPACITY,
                "all " + qualified.size() + " eligible " + plural(qualified.size(), "person is", "people are")
                        + " at capacity: " + where + (qualified.size() > LISTED ? ", ..." : ""), effective);
    }

    private String describeLoad(Candidate person) {
        List<SeatKey> held = seatsByPerson.getOrDefault(person.id(), List.of());
        if (held.isEmpty()) {
            return "(capacity " + person.capacity() + "/100 FTE, " + remaining.get(person.id()) + " left)";
        }
        return "(on " + held.stream().map(SeatKey::asString).collect(Collectors.joining(", ")) + ")";
    }

    private String inactiveHolders(SeatDemand seat) {
        long onLeave = countWith(seat, Availability.ON_LEAVE);
        long departed = countWith(seat, Availability.DEPARTED);
        if (onLeave == 0 && departed == 0) {
            return "";
        }
        return " (" + onLeave + " on leave, " + departed + " departed)";
    }

    private long countWith(SeatDemand seat, Availability availability) {
        return state.people().stream()
                .filter(person -> person.availability() == availability && person.personas().contains(seat.persona()))
                .count();
    }

    private static String shortfalls(SeatDemand seat, List<Candidate> holders) {
        Map<String, Integer> missingSkillCounts = new TreeMap<>();
        int belowSeniority = 0;
        for (Candidate person : holders) {
            Set<String> missing = Eligibility.missingSkills(person, seat);
            missing.forEach(skill -> missingSkillCounts.merge(skill, 1, Integer::sum));
            if (person.seniority() < seat.minSeniority()) {
                belowSeniority++;
            }
        }
        Set<String> parts = new TreeSet<>();
        missingSkillCounts.forEach((skill, count) -> parts.add("missing skill " + skill + " (" + count + ")"));
        if (belowSeniority > 0) {
            parts.add("below the minimum seniority (" + belowSeniority + ")");
        }
        return String.join(", ", parts);
    }

    private static String plural(int count, String one, String many) {
        return count == 1 ? one : many;
    }
}
