package dev.staffing.assignment.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds a pool in the words of a scenario. */
final class PoolBuilder {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    private final Map<String, Candidate> people = new LinkedHashMap<>();
    private final Map<String, List<SlotDemand>> slots = new LinkedHashMap<>();
    private final Map<String, LocalDate> starts = new LinkedHashMap<>();
    private final List<Holding> holdings = new ArrayList<>();
    private final List<Gap> gaps = new ArrayList<>();
    private int horizonDays = 1_000_000;
    private int churnBudget = Integer.MAX_VALUE;

    PoolBuilder person(String id, String persona) {
        return person(id, Set.of(persona), Set.of(), 1, 100);
    }

    PoolBuilder person(String id, Set<String> personas, Set<String> skills, int seniority, int capacity) {
        people.put(id, new Candidate(id, personas, skills, seniority, capacity));
        return this;
    }

    PoolBuilder departed(String id) {
        return absence(id, Absence.departure(TODAY.minusDays(1)));
    }

    PoolBuilder onLeave(String id) {
        return absence(id, Absence.leave(TODAY.minusDays(1), TODAY.plusDays(13)));
    }

    PoolBuilder absence(String id, Absence absence) {
        Candidate person = people.get(id);
        List<Absence> absences = new ArrayList<>(person.absences());
        absences.add(absence);
        people.put(id, new Candidate(id, person.personas(), person.skills(), person.seniority(), person.capacity(),
                absences));
        return this;
    }

    PoolBuilder seats(String project, String slot, String persona, int count, int allocation, long weight) {
        return seats(project, slot, persona, count, allocation, weight, Set.of(), 0);
    }

    PoolBuilder seats(String project, String slot, String persona, int count, int allocation, long weight,
            Set<String> skills, int minSeniority) {
        slots.computeIfAbsent(project, key -> new ArrayList<>())
                .add(new SlotDemand(slot, persona, count, allocation, skills, minSeniority, weight));
        return this;
    }

    PoolBuilder seatsFrom(LocalDate start, String project, String slot, String persona, int count) {
        starts.put(project, start);
        return seats(project, slot, persona, count, 100, 10);
    }

    PoolBuilder holding(String project, String slot, int seat, String person, int allocation, long order) {
        String persona = slots.getOrDefault(project, List.of()).stream().filter(s -> s.slotId().equals(slot))
                .map(SlotDemand::persona).findFirst().orElse("?");
        holdings.add(new Holding(new SeatKey(project, slot, seat), person, persona, allocation, order));
        return this;
    }

    /** Pins the people to the project's slot. */
    PoolBuilder pin(String project, String slot, String... personIds) {
        return override(project, slot, Set.of(personIds), Set.of());
    }

    /** Excludes the people from every slot of the project. */
    PoolBuilder exclude(String project, String... personIds) {
        for (SlotDemand slot : List.copyOf(slots.get(project))) {
            override(project, slot.slotId(), Set.of(), Set.of(personIds));
        }
        return this;
    }

    private PoolBuilder override(String project, String slotId, Set<String> pinned, Set<String> excluded) {
        List<SlotDemand> projectSlots = slots.get(project);
        for (int i = 0; i < projectSlots.size(); i++) {
            SlotDemand slot = projectSlots.get(i);
            if (slot.slotId().equals(slotId)) {
                projectSlots.set(i, withOverrides(slot, union(slot.pinned(), pinned), union(slot.excluded(), excluded)));
            }
        }
        return this;
    }

    static SlotDemand withOverrides(SlotDemand slot, Set<String> pinned, Set<String> excluded) {
        return new SlotDemand(slot.slotId(), slot.persona(), slot.seats(), slot.allocation(), slot.requiredSkills(),
                slot.minSeniority(), slot.weight(), pinned, excluded);
    }

    private static Set<String> union(Set<String> one, Set<String> other) {
        Set<String> all = new java.util.TreeSet<>(one);
        all.addAll(other);
        return all;
    }

    PoolBuilder previousGap(Gap gap) {
        gaps.add(gap);
        return this;
    }

    PoolBuilder churnBudget(int budget) {
        churnBudget = budget;
        return this;
    }

    PoolBuilder horizonDays(int days) {
        horizonDays = days;
        return this;
    }

    EngineSettings settings() {
        return new EngineSettings(horizonDays, churnBudget);
    }

    List<ProjectDemand> projects() {
        List<ProjectDemand> projects = new ArrayList<>();
        slots.forEach((id, projectSlots) -> projects.add(
                new ProjectDemand(id, starts.getOrDefault(id, TODAY), LocalDate.MAX, projectSlots)));
        return projects;
    }

    PoolSnapshot snapshot() {
        return new PoolSnapshot(TODAY, new ArrayList<>(people.values()), projects(), holdings, gaps, 1);
    }

    StaffingPool build() {
        return StaffingPool.restore(snapshot(), settings());
    }

    /** The pool built and decided once. */
    Decided decide() {
        StaffingPool pool = build();
        return new Decided(pool, pool.decide());
    }

    record Decided(StaffingPool pool, PoolDecision decision) {

        List<Gap> gaps() {
            return pool.gaps();
        }

        List<Holding> holdings() {
            return pool.holdings();
        }

        List<AssignmentChange> changes() {
            return decision.changes();
        }

        List<String> changeLines() {
            return decision.changes().stream().map(c -> c.assigned() + " " + c.personId() + " " + c.seat() + " "
                    + c.reason()).toList();
        }
    }
}
