package dev.staffing.loadbenchmark;

import static dev.staffing.loadbenchmark.EventWriter.TODAY;

import dev.staffing.events.EmployeeCapacityChanged;
import dev.staffing.events.EmployeeDeparted;
import dev.staffing.events.EmployeeLeaveScheduled;
import dev.staffing.events.EmployeeProfileChanged;
import dev.staffing.events.ProjectClosed;
import dev.staffing.events.ProjectScheduleChanged;
import dev.staffing.events.ProjectSlotsChanged;
import dev.staffing.events.Seniority;
import dev.staffing.events.Slot;
import dev.staffing.events.wire.TrustedEventClasses;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

/**
 * A seeded stream of changes to the organisation, each on a pool drawn at random: capacity changes,
 * departures and leaves from today, hires, profile changes (whole), project openings, slot seat-count
 * changes (whole list), priority changes and closings, each with the next sequence of its person or
 * project. Capacity changes and openings or closings go whichever way brings the pool back to its
 * starting numbers, so a long run keeps the organisation's shape.
 */
final class ChangeStream {

    private static final int MOST_SEATS = 4;
    /** How many draws look for a slot a seat change applies to before it goes the other way. */
    private static final int DRAWS = 10;

    private final List<PoolMirror> pools;
    private final EventWriter writer;
    private final Random random;

    ChangeStream(List<PoolMirror> pools, EventWriter writer, long seed) {
        this.pools = pools;
        this.writer = writer;
        this.random = new Random(seed);
        // Copying a Slot (Slot.newBuilder(slot)) goes through Avro, which instantiates trusted classes only.
        TrustedEventClasses.install();
    }

    InputEvent next() {
        PoolMirror pool = pools.get(random.nextInt(pools.size()));
        ChangeKind kind = ChangeKind.pick(random);
        if (pool.people.isEmpty() && !kind.aboutProject() && kind != ChangeKind.PROJECT_OPENED) {
            kind = ChangeKind.HIRED;
        }
        if (kind.aboutProject() && pool.projects.isEmpty()) {
            kind = ChangeKind.PROJECT_OPENED;
        }
        if (kind == ChangeKind.PROJECT_OPENED && pool.projects.size() > pool.startingProjects) {
            kind = ChangeKind.PROJECT_CLOSED;
        } else if (kind == ChangeKind.PROJECT_CLOSED && pool.projects.size() < pool.startingProjects) {
            kind = ChangeKind.PROJECT_OPENED;
        }
        return switch (kind) {
            case CAPACITY_CHANGED -> capacityChanged(pool);
            case DEPARTED -> departed(pool);
            case LEAVE_SCHEDULED -> leave(pool);
            case HIRED -> Organisation.hire(random, pool, writer);
            case PROFILE_CHANGED -> profileChanged(pool);
            case PROJECT_OPENED -> Organisation.open(random, pool, writer);
            case SLOTS_CHANGED -> slotsChanged(pool);
            case SCHEDULE_CHANGED -> scheduleChanged(pool);
            case PROJECT_CLOSED -> closed(pool);
        };
    }

    /** Someone full time goes part time, or someone part time back to full time, towards the starting mix. */
    private InputEvent capacityChanged(PoolMirror pool) {
        int partTime = pool.partTime.size();
        boolean restore = partTime > pool.startingPartTime
                || (partTime == pool.startingPartTime && partTime > 0 && random.nextBoolean());
        PersonState person = restore ? pool.partTime.draw(random) : pool.people.draw(random);
        double fte = person.partTime() ? 1.0 : (random.nextBoolean() ? 0.8 : 0.5);
        PersonState changed = person.next(person.personas(), person.skills(), person.seniority(), fte);
        pool.putPerson(changed);
        return writer.employee(pool, changed, EmployeeCapacityChanged.newBuilder().setFte(fte).build());
    }

    private InputEvent departed(PoolMirror pool) {
        PersonState person = pool.people.draw(random).next();
        pool.removePerson(person.id());
        return writer.employee(pool, person, EmployeeDeparted.newBuilder().setEffectiveDate(TODAY).build());
    }

    private InputEvent leave(PoolMirror pool) {
        PersonState person = pool.people.draw(random).next();
        pool.putPerson(person);
        return writer.employee(pool, person, EmployeeLeaveScheduled.newBuilder().setFromDate(TODAY)
                .setToDate(TODAY.plusDays(7 + random.nextInt(84))).build());
    }

    /** Learns or loses a skill, is promoted, or takes on or gives up another persona; the profile goes whole. */
    private InputEvent profileChanged(PoolMirror pool) {
        PersonState person = pool.people.draw(random);
        TreeSet<String> personas = new TreeSet<>(person.personas());
        TreeSet<String> skills = new TreeSet<>(person.skills());
        Seniority seniority = person.seniority();
        switch (random.nextInt(4)) {
            case 0 -> {
                List<String> learnable = new ArrayList<>(new TreeSet<>(personas.stream()
                        .flatMap(persona -> Personas.skillsOf(persona).stream()).toList()));
                learnable.removeAll(skills);
                if (learnable.isEmpty()) {
                    seniority = promoted(seniority);
                } else {
                    skills.add(learnable.get(random.nextInt(learnable.size())));
                }
            }
            case 1 -> {
                if (!skills.isEmpty()) {
                    skills.remove(new ArrayList<>(skills).get(random.nextInt(skills.size())));
                }
            }
            case 2 -> seniority = promoted(seniority);
            default -> {
                if (personas.size() > 1 && random.nextBoolean()) {
                    personas.remove(new ArrayList<>(personas).get(random.nextInt(personas.size())));
                } else {
                    personas.add(Personas.pick(random));
                }
            }
        }
        PersonState changed = person.next(List.copyOf(personas), List.copyOf(skills), seniority, person.fte());
        pool.putPerson(changed);
        return writer.employee(pool, changed, EmployeeProfileChanged.newBuilder().setPersonas(changed.personas())
                .setSkills(changed.skills()).setSeniority(seniority).build());
    }

    /** A slot gains a seat (up to four) or loses one (never below one); the slots go whole. */
    private InputEvent slotsChanged(PoolMirror pool) {
        boolean grow = random.nextBoolean();
        ProjectState project = pool.projects.draw(random);
        int index = random.nextInt(project.slots().size());
        for (int draw = 1; draw < DRAWS && !canChange(project.slots().get(index), grow); draw++) {
            project = pool.projects.draw(random);
            index = random.nextInt(project.slots().size());
        }
        Slot slot = project.slots().get(index);
        boolean up = canChange(slot, grow) ? grow : !grow;
        List<Slot> slots = new ArrayList<>(project.slots());
        slots.set(index, Slot.newBuilder(slot).setSeats(slot.getSeats() + (up ? 1 : -1)).build());
        ProjectState changed = project.next(project.priority(), List.copyOf(slots));
        pool.projects.put(changed.id(), changed);
        return writer.project(pool, changed, ProjectSlotsChanged.newBuilder().setSlots(changed.slots()).build());
    }

    private InputEvent scheduleChanged(PoolMirror pool) {
        ProjectState project = pool.projects.draw(random);
        int priority = 1 + (project.priority() + random.nextInt(4)) % 5;
        ProjectState changed = project.next(priority, project.slots());
        pool.projects.put(changed.id(), changed);
        return writer.project(pool, changed, ProjectScheduleChanged.newBuilder().setPriority(priority)
                .setStartDate(changed.start()).setEndDate(changed.end()).build());
    }

    private InputEvent closed(PoolMirror pool) {
        ProjectState project = pool.projects.draw(random);
        ProjectState closing = project.next(project.priority(), project.slots());
        pool.projects.remove(project.id());
        return writer.project(pool, closing, ProjectClosed.newBuilder().setEffectiveDate(TODAY).build());
    }

    private static boolean canChange(Slot slot, boolean grow) {
        return grow ? slot.getSeats() < MOST_SEATS : slot.getSeats() > 1;
    }

    private static Seniority promoted(Seniority seniority) {
        Seniority[] levels = Seniority.values();
        return levels[Math.min(levels.length - 1, seniority.ordinal() + 1)];
    }
}
