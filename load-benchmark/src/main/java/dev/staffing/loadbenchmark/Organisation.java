package dev.staffing.loadbenchmark;

import static dev.staffing.loadbenchmark.EventWriter.TODAY;

import dev.staffing.events.EmployeeHired;
import dev.staffing.events.ProjectOpened;
import dev.staffing.events.Seniority;
import dev.staffing.events.Slot;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded organisation of the ten personas split into staffing pools: people with skills, seniority and
 * full or half time, and one project per ten people of a platform team's shape (architect, backend,
 * frontend, often devops, security, QA, data, delivery; some seats half time, some asking for a skill or
 * a seniority; priorities 1-5; starting today or within 90 days). Security Engineers are scarce (2% of
 * the people, asked for by 60% of the projects). The same seed gives the same organisation.
 */
final class Organisation {

    private final List<PoolMirror> pools = new ArrayList<>();
    private final List<InputEvent> seed = new ArrayList<>();

    private Organisation() {
    }

    /** The organisation's hires and openings, pool by pool, and the pools as they stand after them. */
    static Organisation generate(long seed, int people, int poolCount, EventWriter writer) {
        Organisation organisation = new Organisation();
        for (int pool = 0; pool < poolCount; pool++) {
            // A generator per pool, so that a pool does not change with the number of pools before it.
            Random random = new Random(seed * 1_000_003 + pool);
            PoolMirror mirror = new PoolMirror(String.format("pool-%03d", pool));
            int size = people / poolCount + (pool < people % poolCount ? 1 : 0);
            for (int i = 0; i < size; i++) {
                organisation.seed.add(hire(random, mirror, writer));
            }
            for (int i = 0; i < size / 10; i++) {
                organisation.seed.add(open(random, mirror, writer));
            }
            mirror.markStart();
            organisation.pools.add(mirror);
        }
        return organisation;
    }

    List<PoolMirror> pools() {
        return pools;
    }

    List<InputEvent> seedEvents() {
        return seed;
    }

    /** A new person of a persona drawn by how common it is; some Backend Engineers also do DevOps. */
    static InputEvent hire(Random random, PoolMirror pool, EventWriter writer) {
        String persona = Personas.pick(random);
        List<String> skills = new ArrayList<>();
        for (String skill : Personas.skillsOf(persona)) {
            if (random.nextInt(100) < 60) {
                skills.add(skill);
            }
        }
        List<String> personas = new ArrayList<>(List.of(persona));
        if (persona.equals(Personas.BACKEND) && random.nextInt(100) < 10) {
            personas.add(Personas.DEVOPS);
        }
        Seniority seniority = Seniority.values()[random.nextInt(Seniority.values().length)];
        double fte = random.nextInt(100) < 85 ? 1.0 : 0.5;
        PersonState person = new PersonState(pool.nextPersonId(), personas, skills, seniority, fte, 1);
        pool.putPerson(person);
        EmployeeHired hired = EmployeeHired.newBuilder().setPersonas(personas).setSkills(skills)
                .setSeniority(seniority).setFte(fte).setStartDate(TODAY.minusYears(1)).build();
        return writer.employee(pool, person, hired);
    }

    /** A new project of a platform team's usual shape. */
    static InputEvent open(Random random, PoolMirror pool, EventWriter writer) {
        List<Slot> slots = new ArrayList<>();
        slots.add(slot("architect", "platform-architect", 1, half(random), List.of(),
                random.nextInt(100) < 30 ? Seniority.SENIOR : null));
        slots.add(slot("backend", Personas.BACKEND, 1 + random.nextInt(2), 1.0,
                random.nextInt(100) < 30 ? List.of("java") : List.of(), null));
        slots.add(slot("frontend", "frontend-engineer", 1, 1.0,
                random.nextInt(100) < 40 ? List.of("typescript") : List.of(), null));
        if (random.nextBoolean()) {
            slots.add(slot("devops", Personas.DEVOPS, 1, half(random), List.of(), null));
        }
        if (random.nextInt(100) < 60) {
            slots.add(slot("security", "security-engineer", 1, half(random), List.of(),
                    random.nextInt(100) < 20 ? Seniority.SENIOR : null));
        }
        if (random.nextBoolean()) {
            slots.add(slot("qa", "qa-engineer", 1, 1.0, List.of(), null));
        }
        if (random.nextInt(100) < 30) {
            slots.add(slot("data", "data-engineer", 1, 1.0, List.of("kafka"), null));
        }
        if (random.nextInt(100) < 40) {
            slots.add(slot("delivery", "project-manager", 1, 0.5, List.of(), null));
        }
        int priority = 1 + random.nextInt(5);
        ProjectState project = new ProjectState(pool.nextProjectId(), priority,
                random.nextBoolean() ? TODAY : TODAY.plusDays(1 + random.nextInt(90)),
                random.nextInt(100) < 70 ? null : TODAY.plusMonths(6 + random.nextInt(7)), slots, 1);
        pool.projects.put(project.id(), project);
        ProjectOpened opened = ProjectOpened.newBuilder().setName("Project " + project.id()).setPriority(priority)
                .setStartDate(project.start()).setEndDate(project.end()).setSlots(slots).build();
        return writer.project(pool, project, opened);
    }

    static Slot slot(String id, String persona, int seats, double allocation, List<String> skills,
            Seniority minSeniority) {
        return Slot.newBuilder().setSlotId(id).setPersona(persona).setSeats(seats).setAllocation(allocation)
                .setRequiredSkills(skills).setMinSeniority(minSeniority).build();
    }

    private static double half(Random random) {
        return random.nextBoolean() ? 1.0 : 0.5;
    }
}
