package dev.staffing.benchmark;

import static dev.staffing.benchmark.OrganisationGenerator.TODAY;

import dev.staffing.assignment.engine.Absence;
import dev.staffing.assignment.engine.Availability;
import dev.staffing.assignment.engine.Candidate;
import dev.staffing.assignment.engine.ProjectDemand;
import dev.staffing.assignment.engine.SlotDemand;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * A seeded stream of realistic events for the pools of an organisation, each on a pool drawn at
 * random: capacity changes, departures effective today, leaves starting today, hires, profile changes,
 * project openings, slot seat-count changes, priority changes and closings. Streams made over the same
 * mirrors continue one another (a warm-up stream, then the measured one).
 *
 * <p>A pool taking thousands of events keeps the shape it was generated with instead of drifting to
 * part time, to fewer projects or to ever more seats: capacity changes and openings or closings go
 * whichever way brings the pool back to its starting numbers (either way when it is there), and seat
 * and persona changes draw which way first, then a slot or person that can go that way.
 *
 * <p>The sets of a {@link Candidate} iterate in an order that changes from one JVM to the next, so
 * they are sorted before anything is drawn from them: the same seed gives the same stream.
 */
final class EventStream {

    private static final int FULL_TIME = PoolMirror.FULL_TIME;
    private static final List<Integer> REDUCED_CAPACITIES = List.of(80, 50);
    private static final int MOST_SEATS = 4;
    private static final int HIGHEST_SENIORITY = 5;
    /** How many draws look for someone or something a change applies to before it goes the other way. */
    private static final int DRAWS = 10;

    private final OrganisationGenerator generator;
    private final List<PoolMirror> pools;
    private final Random random;

    EventStream(OrganisationGenerator generator, List<PoolMirror> pools, long seed) {
        this.generator = generator;
        this.pools = pools;
        this.random = new Random(seed);
    }

    PoolEvent next() {
        int index = random.nextInt(pools.size());
        PoolMirror pool = pools.get(index);
        EventKind kind = EventKind.pick(random);
        if (pool.people.isEmpty()) {
            kind = EventKind.HIRED;
        }
        boolean aboutProject = kind == EventKind.SEATS_CHANGED || kind == EventKind.PRIORITY_CHANGED
                || kind == EventKind.PROJECT_CLOSED;
        if (aboutProject && pool.projects.isEmpty()) {
            kind = EventKind.PROJECT_OPENED;
        }
        if (kind == EventKind.PROJECT_OPENED && pool.projects.size() > pool.startingProjects) {
            kind = EventKind.PROJECT_CLOSED;
        } else if (kind == EventKind.PROJECT_CLOSED && pool.projects.size() < pool.startingProjects) {
            kind = EventKind.PROJECT_OPENED;
        }
        PoolChange change = switch (kind) {
            case CAPACITY_CHANGED -> person(pool, capacityChanged(pool));
            case DEPARTED_TODAY -> departed(pool, pool.people.draw(random));
            case LEAVE_STARTS_TODAY -> person(pool, leaveStarts(activePerson(pool)));
            case HIRED -> person(pool, generator.person(random, pool.nextHireId(), List.of()));
            case PROFILE_CHANGED -> person(pool, profileChanged(pool.people.draw(random)));
            case PROJECT_OPENED -> project(pool, generator.project(random, pool.nextProjectId()));
            case SEATS_CHANGED -> project(pool, seatsChanged(pool));
            case PRIORITY_CHANGED -> project(pool, priorityChanged(pool.projects.draw(random)));
            case PROJECT_CLOSED -> closed(pool, pool.projects.draw(random));
        };
        return new PoolEvent(kind, index, change);
    }

    private static PoolChange person(PoolMirror pool, Candidate person) {
        pool.putPerson(person);
        return new PoolChange.PersonPut(person);
    }

    private static PoolChange project(PoolMirror pool, ProjectDemand project) {
        pool.projects.put(project);
        return new PoolChange.ProjectPut(project);
    }

    private static PoolChange departed(PoolMirror pool, Candidate person) {
        pool.removePerson(person.id());
        return new PoolChange.PersonPut(withAbsence(person, Absence.departure(TODAY)));
    }

    private static PoolChange closed(PoolMirror pool, ProjectDemand project) {
        pool.projects.remove(project.id());
        return new PoolChange.ProjectClosed(project.id());
    }

    /** Someone full time goes part time, or someone part time goes back to full time. */
    private Candidate capacityChanged(PoolMirror pool) {
        int partTime = pool.partTime.size();
        boolean restore = partTime > pool.startingPartTime
                || (partTime == pool.startingPartTime && partTime > 0 && random.nextBoolean());
        Candidate person;
        if (restore) {
            person = pool.partTime.draw(random);
        } else {
            person = pool.people.draw(random);
            for (int draw = 1; draw < DRAWS && person.capacity() < FULL_TIME; draw++) {
                person = pool.people.draw(random);
            }
        }
        int capacity = person.capacity() < FULL_TIME ? FULL_TIME
                : REDUCED_CAPACITIES.get(random.nextInt(REDUCED_CAPACITIES.size()));
        return new Candidate(person.id(), person.personas(), person.skills(), person.seniority(), capacity,
                person.absences());
    }

    /** Someone at work today, if a few draws find one: a leave is taken by people who are there. */
    private Candidate activePerson(PoolMirror pool) {
        Candidate person = pool.people.draw(random);
        for (int draw = 1; draw < DRAWS && person.availabilityOn(TODAY) != Availability.ACTIVE; draw++) {
            person = pool.people.draw(random);
        }
        return person;
    }

    private Candidate leaveStarts(Candidate person) {
        return withAbsence(person, Absence.leave(TODAY, TODAY.plusDays(7 + random.nextInt(84))));
    }

    /** Learns or loses a skill, is promoted, or takes on or gives up another persona. */
    private Candidate profileChanged(Candidate person) {
        Set<String> personas = new TreeSet<>(person.personas());
        Set<String> skills = new TreeSet<>(person.skills());
        int seniority = person.seniority();
        switch (random.nextInt(4)) {
            case 0 -> {
                List<String> learnable = new ArrayList<>(new TreeSet<>(personas.stream()
                        .flatMap(persona -> Persona.byId(persona).skills().stream()).toList()));
                learnable.removeAll(skills);
                if (learnable.isEmpty()) {
                    seniority = Math.min(HIGHEST_SENIORITY, seniority + 1);
                } else {
                    skills.add(learnable.get(random.nextInt(learnable.size())));
                }
            }
            case 1 -> {
                if (!skills.isEmpty()) {
                    skills.remove(new ArrayList<>(skills).get(random.nextInt(skills.size())));
                }
            }
            case 2 -> seniority = Math.min(HIGHEST_SENIORITY, seniority + 1);
            default -> {
                if (personas.size() > 1 && random.nextBoolean()) {
                    personas.remove(new ArrayList<>(personas).get(random.nextInt(personas.size())));
                } else {
                    personas.add(Persona.pick(random).id());
                }
            }
        }
        return new Candidate(person.id(), personas, skills, seniority, person.capacity(), person.absences());
    }

    /** A slot gains a seat (up to four) or loses one (never below one). */
    private ProjectDemand seatsChanged(PoolMirror pool) {
        boolean grow = random.nextBoolean();
        ProjectDemand project = pool.projects.draw(random);
        int index = random.nextInt(project.slots().size());
        for (int draw = 1; draw < DRAWS && !canChange(project.slots().get(index), grow); draw++) {
            project = pool.projects.draw(random);
            index = random.nextInt(project.slots().size());
        }
        SlotDemand slot = project.slots().get(index);
        // No draw found a slot that can go the drawn way: this one can go the other (it is at one end).
        boolean up = canChange(slot, grow) ? grow : !grow;
        int seats = slot.seats() + (up ? 1 : -1);
        List<SlotDemand> slots = new ArrayList<>(project.slots());
        slots.set(index, new SlotDemand(slot.slotId(), slot.persona(), seats, slot.allocation(),
                slot.requiredSkills(), slot.minSeniority(), slot.weight()));
        return new ProjectDemand(project.id(), project.start(), project.end(), slots);
    }

    private static boolean canChange(SlotDemand slot, boolean grow) {
        return grow ? slot.seats() < MOST_SEATS : slot.seats() > 1;
    }

    private ProjectDemand priorityChanged(ProjectDemand project) {
        int other = 1 + (OrganisationGenerator.priorityOf(project) + random.nextInt(4)) % 5;
        return OrganisationGenerator.withPriority(project, other);
    }

    private static Candidate withAbsence(Candidate person, Absence absence) {
        List<Absence> absences = new ArrayList<>(person.absences());
        absences.add(absence);
        return new Candidate(person.id(), person.personas(), person.skills(), person.seniority(), person.capacity(),
                absences);
    }
}
