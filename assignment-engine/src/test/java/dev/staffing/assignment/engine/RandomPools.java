package dev.staffing.assignment.engine;

import static dev.staffing.assignment.engine.PoolBuilder.TODAY;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Random small pools and random changes to them, for the property tests. */
final class RandomPools {

    static final List<String> PERSONAS = List.of("backend-engineer", "security-engineer");
    static final List<String> SKILLS = List.of("iam", "kafka");

    private RandomPools() {
    }

    /**
     * Pools of up to {@code people} people and {@code slots} slots (one or two seats each); with
     * {@code allocations} of one value the pool is decided exactly. Holdings are chosen by a seed among
     * those that break no rule, so that stability has something to keep.
     */
    static Arbitrary<PoolSnapshot> pools(int people, int slots, List<Integer> allocations) {
        Arbitrary<Candidate> person = Combinators.combine(Arbitraries.subsetOf(PERSONAS).ofMinSize(1),
                Arbitraries.subsetOf(SKILLS), Arbitraries.integers().between(0, 3), Arbitraries.of(0, 50, 100),
                Arbitraries.integers().between(0, 4))
                .as((personas, skills, seniority, capacity, absent) -> new Candidate("?", personas, skills, seniority,
                        capacity, absent == 0 ? List.of(Absence.leave(TODAY.minusDays(2), TODAY.plusDays(3)))
                                : absent == 1 ? List.of(Absence.departure(TODAY.plusDays(4))) : List.of()));
        // Some slots pin or exclude someone: an index into the people, or beyond them (no override, or an id
        // the pool does not know).
        Arbitrary<SlotDemand> slot = Combinators.combine(Arbitraries.of(PERSONAS),
                Arbitraries.subsetOf(SKILLS).ofMaxSize(1), Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(1, 2), Arbitraries.longs().between(1, 10), Arbitraries.of(allocations),
                Arbitraries.integers().between(0, 2 * people + 1), Arbitraries.integers().between(0, 2 * people + 1))
                .as((persona, skills, seniority, seats, weight, allocation, pin, exclude) -> new SlotDemand("?",
                        persona, seats, allocation, skills, seniority, weight, override(pin, people),
                        exclude.equals(pin) ? Set.of() : override(exclude, people)));
        return Combinators.combine(person.list().ofMaxSize(people), slot.list().ofMaxSize(slots),
                Arbitraries.integers().between(0, 1 << 12))
                .as((rawPeople, rawSlots, seed) -> {
                    List<Candidate> named = new ArrayList<>();
                    for (int i = 0; i < rawPeople.size(); i++) {
                        Candidate c = rawPeople.get(i);
                        named.add(new Candidate("e-" + i, c.personas(), c.skills(), c.seniority(), c.capacity(),
                                c.absences()));
                    }
                    Map<String, List<SlotDemand>> byProject = new HashMap<>();
                    for (int i = 0; i < rawSlots.size(); i++) {
                        SlotDemand s = rawSlots.get(i);
                        byProject.computeIfAbsent("p-" + i % 2, key -> new ArrayList<>()).add(new SlotDemand("s-" + i,
                                s.persona(), s.seats(), s.allocation(), s.requiredSkills(), s.minSeniority(),
                                s.weight(), s.pinned(), s.excluded()));
                    }
                    List<ProjectDemand> projects = new ArrayList<>();
                    byProject.forEach((id, projectSlots) -> projects.add(
                            new ProjectDemand(id, TODAY, LocalDate.MAX, projectSlots)));
                    projects.sort(java.util.Comparator.comparing(ProjectDemand::id));
                    return new PoolSnapshot(TODAY, named, projects, validHoldings(named, projects, seed), List.of(), 1);
                });
    }

    /** About one time in two no one, else a person of the pool, now and then an id it does not know. */
    private static Set<String> override(int index, int people) {
        return index < people ? Set.of("e-" + index) : index == 2 * people + 1 ? Set.of("e-unknown") : Set.of();
    }

    private static List<Holding> validHoldings(List<Candidate> people, List<ProjectDemand> projects, int seed) {
        List<Holding> holdings = new ArrayList<>();
        Map<String, Integer> load = new HashMap<>();
        Set<String> personInSlot = new HashSet<>();
        int bit = 0;
        long order = 1;
        for (ProjectDemand project : projects) {
            for (SlotDemand slot : project.slots()) {
                for (int seat = 1; seat <= slot.seats(); seat++, bit++) {
                    if (people.isEmpty() || ((seed >> (bit % 12)) & 1) == 0) {
                        continue;
                    }
                    Candidate person = people.get((seed + bit) % people.size());
                    String inSlot = project.id() + "/" + slot.slotId() + "#" + person.id();
                    if (person.availabilityOn(TODAY) == Availability.ACTIVE && slot.admits(person)
                            && !personInSlot.contains(inSlot)
                            && load.getOrDefault(person.id(), 0) + slot.allocation() <= person.capacity()) {
                        load.merge(person.id(), slot.allocation(), Integer::sum);
                        personInSlot.add(inSlot);
                        holdings.add(new Holding(new SeatKey(project.id(), slot.slotId(), seat), person.id(),
                                slot.persona(), slot.allocation(), order++));
                    }
                }
            }
        }
        return holdings;
    }

    /** A change: kind, a target and an amount, applied against the pool as it stands. */
    record Change(int kind, int target, int amount) {

        static Arbitrary<Change> any() {
            return Combinators.combine(Arbitraries.integers().between(0, 13), Arbitraries.integers().between(0, 50),
                    Arbitraries.integers().between(0, 3)).as(Change::new);
        }

        /** Applies the change to {@code pool}, built from its {@code current} snapshot; says what it did. */
        String applyTo(StaffingPool pool, PoolSnapshot current, List<Integer> allocations) {
            List<Candidate> people = current.people();
            List<ProjectDemand> projects = current.projects();
            LocalDate today = current.today();
            if (kind == 0 || people.isEmpty()) {
                Candidate hire = new Candidate("e-h" + target + "-" + people.size(),
                        Set.of(PERSONAS.get(target % 2)), amount % 2 == 0 ? Set.of() : Set.of(SKILLS.get(target % 2)),
                        amount, amount == 0 ? 50 : 100);
                pool.putPerson(hire);
                return "hire " + hire;
            }
            Candidate person = people.get(target % people.size());
            List<Absence> absences = new ArrayList<>(person.absences());
            switch (kind) {
                case 1 -> {
                    absences.add(Absence.departure(today.plusDays(amount)));
                    pool.putPerson(with(person, person.personas(), person.skills(), person.capacity(), absences));
                    return "departure of " + person.id() + " in " + amount + " days";
                }
                case 2 -> {
                    absences.add(Absence.leave(today.plusDays(amount % 2), today.plusDays(amount + 2)));
                    pool.putPerson(with(person, person.personas(), person.skills(), person.capacity(), absences));
                    return "leave of " + person.id();
                }
                case 3 -> {
                    Set<String> personas = amount == 0 ? Set.copyOf(PERSONAS) : Set.of(PERSONAS.get(amount % 2));
                    Set<String> skills = amount % 2 == 0 ? Set.of(SKILLS.get(target % 2)) : Set.of();
                    pool.putPerson(with(person, personas, skills, person.capacity(), absences));
                    return "profile of " + person.id();
                }
                case 4 -> {
                    int capacity = new int[] {0, 50, 100, 100}[amount];
                    pool.putPerson(with(person, person.personas(), person.skills(), capacity, absences));
                    return "capacity of " + person.id() + " to " + capacity;
                }
                case 5 -> {
                    pool.advanceTo(today.plusDays(1 + amount));
                    return "advance " + (1 + amount) + " days";
                }
                default -> {
                    return changeProject(pool, people, projects, today, allocations);
                }
            }
        }

        private String changeProject(StaffingPool pool, List<Candidate> people, List<ProjectDemand> projects,
                LocalDate today, List<Integer> allocations) {
            if (projects.isEmpty() || kind == 9) {
                String id = "p-n" + target;
                // Some projects start a few days ahead: their seats' gaps are dated from the start.
                LocalDate start = amount == 3 ? today.plusDays(3) : today;
                pool.putProject(new ProjectDemand(id, start, LocalDate.MAX, List.of(new SlotDemand("s", PERSONAS.get(
                        target % 2), 1 + amount % 2, allocations.get(target % allocations.size()), Set.of(), 0,
                        1 + target % 10))));
                return "open " + id;
            }
            ProjectDemand project = projects.get(target % projects.size());
            if (kind == 6) {
                pool.closeProject(project.id());
                return "close " + project.id();
            }
            if (kind == 12 || kind == 13) {
                return override(pool, people, project);
            }
            List<SlotDemand> slots = new ArrayList<>();
            for (SlotDemand slot : project.slots()) {
                slots.add(switch (kind) {
                    case 7 -> new SlotDemand(slot.slotId(), slot.persona(), amount, slot.allocation(),
                            slot.requiredSkills(), slot.minSeniority(), slot.weight(), slot.pinned(), slot.excluded());
                    case 8 -> new SlotDemand(slot.slotId(), slot.persona(), slot.seats(), slot.allocation(),
                            slot.requiredSkills(), slot.minSeniority(), 1 + (slot.weight() + amount * 3) % 10,
                            slot.pinned(), slot.excluded());
                    // Another persona, skills or allocation (and, at times, seat count) for the same slot.
                    default -> new SlotDemand(slot.slotId(),
                            amount % 2 == 0 ? PERSONAS.get((PERSONAS.indexOf(slot.persona()) + 1) % PERSONAS.size())
                                    : slot.persona(),
                            kind == 11 ? 1 + amount % 2 : slot.seats(),
                            allocations.get((target + amount) % allocations.size()),
                            amount == 3 ? Set.of(SKILLS.get(target % 2)) : Set.of(), slot.minSeniority(),
                            slot.weight(), slot.pinned(), slot.excluded());
                });
            }
            pool.putProject(new ProjectDemand(project.id(), project.start(), project.end(), slots));
            return (kind == 7 ? "resize " : kind == 8 ? "reweigh " : "reshape ") + project.id();
        }

        /**
         * Only a pin or an exclusion changes, as a staffing manager sets it: kind 12 pins a person to one slot
         * of the project or lifts the pin; kind 13 excludes a person from the whole project (lifting any pin
         * of theirs there) or lifts the exclusion.
         */
        private String override(StaffingPool pool, List<Candidate> people, ProjectDemand project) {
            if (project.slots().isEmpty()) {
                return "no slot to override in " + project.id();
            }
            String person = people.get((target + amount) % people.size()).id();
            SlotDemand chosen = project.slots().get(amount % project.slots().size());
            boolean lift = kind == 12 ? chosen.pinned().contains(person) : chosen.excluded().contains(person);
            List<SlotDemand> slots = new ArrayList<>();
            for (SlotDemand slot : project.slots()) {
                Set<String> pinned = new HashSet<>(slot.pinned());
                Set<String> excluded = new HashSet<>(slot.excluded());
                if (kind == 12 && slot == chosen) {
                    if (lift) {
                        pinned.remove(person);
                    } else {
                        pinned.add(person);
                        excluded.remove(person);
                    }
                } else if (kind == 13) {
                    if (lift) {
                        excluded.remove(person);
                    } else {
                        excluded.add(person);
                        pinned.remove(person);
                    }
                }
                slots.add(PoolBuilder.withOverrides(slot, pinned, excluded));
            }
            pool.putProject(new ProjectDemand(project.id(), project.start(), project.end(), slots));
            return (lift ? "lift " : "") + (kind == 12 ? "pin of " : "exclusion of ") + person + " on " + project.id();
        }

        private static Candidate with(Candidate person, Set<String> personas, Set<String> skills, int capacity,
                List<Absence> absences) {
            return new Candidate(person.id(), personas, skills, person.seniority(), capacity, absences);
        }
    }
}
