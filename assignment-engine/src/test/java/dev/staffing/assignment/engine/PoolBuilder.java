package dev.staffing.assignment.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds engine input in the words of a scenario. */
final class PoolBuilder {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    private final List<Candidate> people = new ArrayList<>();
    private final List<SeatDemand> seats = new ArrayList<>();
    private final List<Holding> holdings = new ArrayList<>();
    private final Set<String> closed = new HashSet<>();
    private final Map<SeatKey, Gap> previousGaps = new HashMap<>();
    private final Map<String, Absence> absences = new HashMap<>();
    private LocalDate horizonEnd = LocalDate.MAX;
    private int churnBudget = Integer.MAX_VALUE;

    PoolBuilder person(String id, String persona) {
        return person(id, Set.of(persona), Set.of(), 1, 100, Availability.ACTIVE);
    }

    PoolBuilder person(String id, Set<String> personas, Set<String> skills, int seniority, int capacity,
            Availability availability) {
        people.add(new Candidate(id, personas, skills, seniority, capacity, availability,
                availability == Availability.ACTIVE ? "" : availability.name().toLowerCase()));
        return this;
    }

    PoolBuilder seats(String project, String slot, String persona, int count, int allocation, long weight) {
        return seats(project, slot, persona, count, allocation, weight, Set.of(), 0);
    }

    PoolBuilder seatsFrom(LocalDate neededFrom, String project, String slot, String persona, int count) {
        for (int seat = 1; seat <= count; seat++) {
            seats.add(new SeatDemand(new SeatKey(project, slot, seat), persona, Set.of(), 0, 100, 10, neededFrom));
        }
        return this;
    }

    PoolBuilder absence(String person, Availability kind, LocalDate from) {
        absences.put(person, new Absence(kind, from, kind.name().toLowerCase() + " from " + from));
        return this;
    }

    PoolBuilder churnBudget(int budget) {
        churnBudget = budget;
        return this;
    }

    PoolBuilder horizonEnd(LocalDate end) {
        horizonEnd = end;
        return this;
    }

    PoolBuilder seats(String project, String slot, String persona, int count, int allocation, long weight,
            Set<String> skills, int minSeniority) {
        for (int seat = 1; seat <= count; seat++) {
            seats.add(new SeatDemand(new SeatKey(project, slot, seat), persona, skills, minSeniority, allocation,
                    weight, TODAY));
        }
        return this;
    }

    PoolBuilder holding(String project, String slot, int seat, String person, String persona, int allocation,
            long order) {
        holdings.add(new Holding(new SeatKey(project, slot, seat), person, persona, allocation, order));
        return this;
    }

    PoolBuilder closed(String project) {
        closed.add(project);
        return this;
    }

    PoolBuilder previousGap(Gap gap) {
        previousGaps.put(gap.seat(), gap);
        return this;
    }

    PoolState build() {
        return new PoolState(TODAY, people, seats, holdings, closed, previousGaps, absences, horizonEnd,
                churnBudget);
    }
}
