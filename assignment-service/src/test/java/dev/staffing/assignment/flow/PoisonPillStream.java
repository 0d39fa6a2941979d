package dev.staffing.assignment.flow;

import static dev.staffing.assignment.flow.TestEvents.TODAY;

import dev.staffing.events.EmployeeDeparted;
import dev.staffing.events.EmployeeEvent;
import dev.staffing.events.ProjectEvent;
import dev.staffing.events.Seniority;
import dev.staffing.events.Slot;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.IntStream;
import org.apache.avro.specific.SpecificRecord;

/**
 * A seeded stream of employee and project records laced with poison pills: valid events in per-entity
 * sequence order (hires, profile, capacity and leave changes, departures, project openings, slot and
 * schedule changes), and records corrupted in every way the service must dead-letter, at random
 * positions, each kind about equally often (see {@link PoisonPills}). It keeps the state the valid events
 * leave, and what each poison pill must be rejected for.
 */
final class PoisonPillStream {

    /**
     * One record to send. For a poison pill, {@code corruption} says how it is broken and
     * {@code expectedMessage} a part of the dead-letter exception message that names the fault; both are
     * null for a valid record.
     */
    record Entry(String topic, String key, byte[] value, PoisonPills.Corruption corruption, String expectedMessage) {

        boolean valid() {
            return corruption == null;
        }
    }

    /** A person as the valid events leave them; capacity in hundredths. */
    record ExpectedPerson(String id, int capacity, Set<String> personas, long sequence) {
    }

    /** A project as the valid events leave it, with the seats of each slot. */
    record ExpectedProject(String id, int priority, LocalDate start, LocalDate end, Map<String, Integer> seats,
            long sequence) {
    }

    static final List<String> PERSONAS = List.of("platform-architect", "backend-engineer", "frontend-engineer",
            "devops-engineer", "security-engineer", "data-engineer", "qa-engineer", "product-manager",
            "project-manager", "ux-designer");

    private final Random random;
    private final String employeeTopic;
    private final String projectTopic;
    private final BiFunction<String, SpecificRecord, byte[]> serializer;
    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, ExpectedPerson> people = new LinkedHashMap<>();
    private final Map<String, ExpectedProject> projects = new LinkedHashMap<>();
    private final Set<String> rejectedEntities = new HashSet<>();
    private int nextId;

    private PoisonPillStream(long seed, String employeeTopic, String projectTopic,
            BiFunction<String, SpecificRecord, byte[]> serializer) {
        this.random = new Random(seed);
        this.employeeTopic = employeeTopic;
        this.projectTopic = projectTopic;
        this.serializer = serializer;
    }

    /**
     * @param serializer the wire-format bytes of an event for a topic
     */
    static PoisonPillStream generate(long seed, int records, int corrupted, String employeeTopic,
            String projectTopic, BiFunction<String, SpecificRecord, byte[]> serializer) {
        PoisonPillStream stream = new PoisonPillStream(seed, employeeTopic, projectTopic, serializer);
        PoisonPills poisonPills = new PoisonPills(stream);
        List<PoisonPills.Corruption> kinds = new ArrayList<>(IntStream.range(0, corrupted)
                .mapToObj(i -> PoisonPills.Corruption.values()[i % PoisonPills.Corruption.values().length]).toList());
        Collections.shuffle(kinds, stream.random);
        List<Integer> positions = new ArrayList<>(IntStream.range(0, records).boxed().toList());
        Collections.shuffle(positions, stream.random);
        Set<Integer> corruptedPositions = new HashSet<>(positions.subList(0, corrupted));
        int nextKind = 0;
        for (int position = 0; position < records; position++) {
            if (corruptedPositions.contains(position)) {
                stream.entries.add(poisonPills.make(kinds.get(nextKind++)));
            } else {
                stream.addValid();
            }
        }
        return stream;
    }

    List<Entry> entries() {
        return entries;
    }

    Map<String, ExpectedPerson> people() {
        return people;
    }

    Map<String, ExpectedProject> projects() {
        return projects;
    }

    /** Ids of people and projects that only poison pills named: none of them may exist. */
    Set<String> rejectedEntities() {
        return rejectedEntities;
    }

    private void addValid() {
        int roll = random.nextInt(100);
        if (people.size() < 5 || roll < 25) {
            hire();
        } else if (projects.size() < 3 || roll < 35) {
            open();
        } else if (roll < 55) {
            ExpectedPerson person = anyPerson();
            int hundredths = 5 * random.nextInt(21);
            employee(TestEvents.capacityChanged(person.id(), person.sequence() + 1, hundredths / 100.0));
            people.put(person.id(), new ExpectedPerson(person.id(), hundredths, person.personas(),
                    person.sequence() + 1));
        } else if (roll < 65) {
            ExpectedPerson person = anyPerson();
            List<String> personas = somePersonas();
            employee(TestEvents.profileChanged(person.id(), person.sequence() + 1, personas, List.of("java")));
            people.put(person.id(), new ExpectedPerson(person.id(), person.capacity(), Set.copyOf(personas),
                    person.sequence() + 1));
        } else if (roll < 72) {
            ExpectedPerson person = anyPerson();
            LocalDate from = TODAY.plusDays(random.nextInt(60));
            employee(TestEvents.leave(person.id(), person.sequence() + 1, from, from.plusDays(random.nextInt(20))));
            people.put(person.id(), withSequence(person, person.sequence() + 1));
        } else if (roll < 74) {
            ExpectedPerson person = anyPerson();
            employee(TestEvents.employee(person.id(), person.sequence() + 1, EmployeeDeparted.newBuilder()
                    .setEffectiveDate(TODAY.plusDays(random.nextInt(90))).build()));
            people.put(person.id(), withSequence(person, person.sequence() + 1));
        } else if (roll < 87) {
            ExpectedProject project = anyProject();
            List<Slot> slots = someSlots();
            project(TestEvents.slotsChanged(project.id(), project.sequence() + 1, slots.toArray(Slot[]::new)));
            projects.put(project.id(), new ExpectedProject(project.id(), project.priority(), project.start(),
                    project.end(), seats(slots), project.sequence() + 1));
        } else {
            ExpectedProject project = anyProject();
            int priority = 1 + random.nextInt(5);
            LocalDate start = TODAY.plusDays(random.nextInt(30) - 10);
            LocalDate end = start.plusDays(random.nextInt(200));
            project(TestEvents.scheduleChanged(project.id(), project.sequence() + 1, priority, start, end));
            projects.put(project.id(), new ExpectedProject(project.id(), priority, start, end, project.seats(),
                    project.sequence() + 1));
        }
    }

    private void hire() {
        String id = "e-" + nextId++;
        List<String> personas = somePersonas();
        int hundredths = 5 * (1 + random.nextInt(20));
        employee(TestEvents.hired(id, 1, personas, List.of("java"), Seniority.SENIOR,
                hundredths / 100.0));
        people.put(id, new ExpectedPerson(id, hundredths, Set.copyOf(personas), 1));
    }

    private void open() {
        String id = "p-" + nextId++;
        int priority = 1 + random.nextInt(5);
        LocalDate start = TODAY.plusDays(random.nextInt(30) - 10);
        LocalDate end = start.plusDays(random.nextInt(200));
        List<Slot> slots = someSlots();
        project(TestEvents.opened(id, priority, start, end, slots));
        projects.put(id, new ExpectedProject(id, priority, start, end, seats(slots), 1));
    }

    private void employee(EmployeeEvent event) {
        entries.add(new Entry(employeeTopic, event.getEmployeeId(), serialize(event), null, null));
    }

    private void project(ProjectEvent event) {
        entries.add(new Entry(projectTopic, event.getProjectId(), serialize(event), null, null));
    }

    // ---- for PoisonPills: the stream so far, and the makings of events ---------------------------------

    Random random() {
        return random;
    }

    String topicOf(SpecificRecord event) {
        return event instanceof EmployeeEvent ? employeeTopic : projectTopic;
    }

    byte[] serialize(SpecificRecord event) {
        return serializer.apply(topicOf(event), event);
    }

    /** A new id that only poison pills name, so its entity must never exist. */
    String rejected(String prefix) {
        return rejected(prefix, "");
    }

    String rejected(String prefix, String padding) {
        String id = prefix + nextId++ + padding;
        rejectedEntities.add(id);
        return id;
    }

    boolean hasPeople() {
        return !people.isEmpty();
    }

    boolean hasProjects() {
        return !projects.isEmpty();
    }

    ExpectedPerson anyPerson() {
        List<ExpectedPerson> all = List.copyOf(people.values());
        return all.get(random.nextInt(all.size()));
    }

    ExpectedProject anyProject() {
        List<ExpectedProject> all = List.copyOf(projects.values());
        return all.get(random.nextInt(all.size()));
    }

    String anyPersona() {
        return PERSONAS.get(random.nextInt(PERSONAS.size()));
    }

    List<String> somePersonas() {
        List<String> shuffled = new ArrayList<>(PERSONAS);
        Collections.shuffle(shuffled, random);
        return List.copyOf(shuffled.subList(0, 1 + random.nextInt(2)));
    }

    List<Slot> someSlots() {
        int count = 1 + random.nextInt(3);
        List<Slot> slots = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            slots.add(TestEvents.slot("s" + i, anyPersona(), random.nextInt(4), 0.25 * (1 + random.nextInt(4))));
        }
        return slots;
    }

    private static Map<String, Integer> seats(List<Slot> slots) {
        Map<String, Integer> seats = new LinkedHashMap<>();
        slots.forEach(slot -> seats.put(slot.getSlotId(), slot.getSeats()));
        return seats;
    }

    private static ExpectedPerson withSequence(ExpectedPerson person, long sequence) {
        return new ExpectedPerson(person.id(), person.capacity(), person.personas(), sequence);
    }
}
