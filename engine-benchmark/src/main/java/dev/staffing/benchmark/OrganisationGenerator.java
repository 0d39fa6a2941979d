package dev.staffing.benchmark;

import dev.staffing.assignment.engine.Absence;
import dev.staffing.assignment.engine.Candidate;
import dev.staffing.assignment.engine.PoolSnapshot;
import dev.staffing.assignment.engine.ProjectDemand;
import dev.staffing.assignment.engine.SlotDemand;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Seeded, realistic organisations from the persona catalog: Backend Engineers plentiful, Security
 * Engineers and Platform Architects scarce, priorities 1-5, one project per ten people (about seven
 * seats each, some asking for skills or seniority, starting today or within 90 days), split into
 * staffing pools of {@code poolSize} people, with nothing decided yet. A few people are on leave, have
 * one ahead, have left or are about to. With {@code unitOnly} every seat and every person is full time
 * (the exact case); otherwise some seats and people are half time.
 */
final class OrganisationGenerator {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    private final long seed;
    private final boolean unitOnly;

    OrganisationGenerator(long seed, boolean unitOnly) {
        this.seed = seed;
        this.unitOnly = unitOnly;
    }

    List<PoolSnapshot> pools(int people, int poolSize) {
        List<PoolSnapshot> pools = new ArrayList<>();
        for (int start = 0, pool = 0; start < people; start += poolSize, pool++) {
            pools.add(pool(pool, Math.min(poolSize, people - start)));
        }
        return pools;
    }

    private PoolSnapshot pool(int pool, int size) {
        // One generator per pool, so a pool's content does not depend on how many pools come before it.
        Random random = new Random(seed * 1_000_003 + pool);
        List<Candidate> people = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            people.add(person(random, String.format("g%03d-e%05d", pool, i), absences(random)));
        }
        List<ProjectDemand> projects = new ArrayList<>();
        for (int p = 0; p < Math.max(1, size / 10); p++) {
            projects.add(project(random, String.format("g%03d-p%04d", pool, p)));
        }
        return new PoolSnapshot(TODAY, people, projects, List.of(), List.of(), 1);
    }

    /** A person of a persona drawn by how common it is, with some of its skills; some backend people also do devops. */
    Candidate person(Random random, String id, List<Absence> absences) {
        Persona persona = Persona.pick(random);
        Set<String> skills = new HashSet<>();
        for (String skill : persona.skills()) {
            if (random.nextInt(100) < 60) {
                skills.add(skill);
            }
        }
        Set<String> personas = new HashSet<>(Set.of(persona.id()));
        if (persona.id().equals("backend-engineer") && random.nextInt(100) < 10) {
            personas.add("devops-engineer");
        }
        int capacity = unitOnly || random.nextInt(100) < 85 ? 100 : 50;
        return new Candidate(id, personas, skills, random.nextInt(5), capacity, absences);
    }

    /** Mostly none; a few people away now, soon, or for good, so availability and announced gaps matter. */
    private static List<Absence> absences(Random random) {
        int roll = random.nextInt(1000);
        if (roll < 30) {
            return List.of(Absence.leave(TODAY.minusDays(1 + random.nextInt(20)), TODAY.plusDays(5 + random.nextInt(60))));
        }
        if (roll < 50) {
            LocalDate from = TODAY.plusDays(1 + random.nextInt(60));
            return List.of(Absence.leave(from, from.plusDays(7 + random.nextInt(60))));
        }
        if (roll < 60) {
            return List.of(Absence.departure(TODAY.plusDays(1 + random.nextInt(60))));
        }
        if (roll < 70) {
            return List.of(Absence.departure(TODAY.minusDays(1 + random.nextInt(90))));
        }
        return List.of();
    }

    /** A project of a platform team's usual shape, at a priority of 1 to 5, open-ended. */
    ProjectDemand project(Random random, String id) {
        int priority = 1 + random.nextInt(5);
        List<SlotDemand> slots = new ArrayList<>();
        slots.add(slot("architect", "platform-architect", 1, half(random), priority, Set.of(),
                random.nextInt(100) < 30 ? 2 : 0));
        slots.add(slot("backend", "backend-engineer", 1 + random.nextInt(2), 100, priority,
                random.nextInt(100) < 30 ? Set.of("java") : Set.of(), 0));
        slots.add(slot("frontend", "frontend-engineer", 1, 100, priority,
                random.nextInt(100) < 40 ? Set.of("typescript") : Set.of(), 0));
        if (random.nextBoolean()) {
            slots.add(slot("devops", "devops-engineer", 1, half(random), priority, Set.of(), 0));
        }
        if (random.nextInt(100) < 60) {
            slots.add(slot("security", "security-engineer", 1, half(random), priority, Set.of(),
                    random.nextInt(100) < 20 ? 2 : 0));
        }
        if (random.nextBoolean()) {
            slots.add(slot("qa", "qa-engineer", 1, 100, priority, Set.of(), 0));
        }
        if (random.nextInt(100) < 30) {
            slots.add(slot("data", "data-engineer", 1, 100, priority, Set.of("kafka"), 0));
        }
        LocalDate start = random.nextBoolean() ? TODAY : TODAY.plusDays(1 + random.nextInt(90));
        return new ProjectDemand(id, start, LocalDate.MAX, slots);
    }

    /** The project at another priority: every slot's weight follows. */
    static ProjectDemand withPriority(ProjectDemand project, int priority) {
        List<SlotDemand> slots = project.slots().stream()
                .map(slot -> slot(slot.slotId(), slot.persona(), slot.seats(), slot.allocation(), priority,
                        slot.requiredSkills(), slot.minSeniority()))
                .toList();
        return new ProjectDemand(project.id(), project.start(), project.end(), slots);
    }

    /** The priority the project's weights were made from (weight = priority x criticality). */
    static int priorityOf(ProjectDemand project) {
        SlotDemand first = project.slots().get(0);
        return (int) (first.weight() / Persona.byId(first.persona()).criticality());
    }

    private int half(Random random) {
        return unitOnly || random.nextBoolean() ? 100 : 50;
    }

    static SlotDemand slot(String slotId, String persona, int seats, int allocation, int priority,
            Set<String> skills, int minSeniority) {
        return new SlotDemand(slotId, persona, seats, allocation, skills, minSeniority,
                (long) priority * Persona.byId(persona).criticality());
    }
}
