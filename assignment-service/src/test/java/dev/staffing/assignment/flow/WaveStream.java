package dev.staffing.assignment.flow;

import dev.staffing.events.EmployeeCapacityChanged;
import dev.staffing.events.EmployeeDeparted;
import dev.staffing.events.EmployeeEvent;
import dev.staffing.events.EmployeeHired;
import dev.staffing.events.EmployeeLeaveScheduled;
import dev.staffing.events.EmployeeProfileChanged;
import dev.staffing.events.ProjectClosed;
import dev.staffing.events.ProjectEvent;
import dev.staffing.events.ProjectOpened;
import dev.staffing.events.ProjectScheduleChanged;
import dev.staffing.events.ProjectSlotsChanged;
import dev.staffing.events.Seniority;
import dev.staffing.events.Slot;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;

/**
 * A seeded stream of valid input events in waves: each wave holds at most one event per staffing pool.
 * A pool is decided once per batch, after every event of the batch that touched it, so where the
 * batches of a run fall would otherwise shape its decisions. With one event per pool in a wave, and each
 * wave processed before the next is sent, every pool is decided after each of its events whatever the
 * batches, restarts or redeliveries: two runs of the same waves must end in the same state, and say the
 * same things with the same event ids.
 *
 * <p>Events have fixed ids and times, so the same stream can be published to two services.
 */
final class WaveStream {

    private static final String[] PERSONAS = {"backend-engineer", "backend-engineer", "backend-engineer",
        "frontend-engineer", "security-engineer", "platform-architect", "qa-engineer", "devops-engineer"};
    private static final String[] SKILLS = {"java", "kafka", "typescript", "kubernetes"};
    private static final Instant OCCURRED = Instant.parse("2026-01-01T00:00:00Z");

    private final List<List<SpecificRecord>> waves = new ArrayList<>();
    private final Random random;
    private final LocalDate today;
    private int eventCount;

    private WaveStream(long seed, LocalDate today) {
        this.random = new Random(seed);
        this.today = today;
    }

    /** {@code events} events over {@code pools} pools, in waves of one event per pool. */
    static WaveStream generate(long seed, LocalDate today, int pools, int events) {
        WaveStream stream = new WaveStream(seed, today);
        List<PoolScript> scripts = new ArrayList<>();
        for (int pool = 0; pool < pools; pool++) {
            scripts.add(stream.new PoolScript(String.format("pool-%03d", pool)));
        }
        while (stream.eventCount < events) {
            List<SpecificRecord> wave = new ArrayList<>();
            for (PoolScript script : scripts) {
                if (stream.eventCount < events) {
                    wave.add(script.next());
                    stream.eventCount++;
                }
            }
            stream.waves.add(wave);
        }
        return stream;
    }

    List<List<SpecificRecord>> waves() {
        return waves;
    }

    static String eventId(SpecificRecord event) {
        return event instanceof EmployeeEvent employee ? employee.getEventId() : ((ProjectEvent) event).getEventId();
    }

    static String key(SpecificRecord event) {
        return event instanceof EmployeeEvent employee ? employee.getEmployeeId() : ((ProjectEvent) event).getProjectId();
    }

    /** One pool's story: people hired, changed, away or gone; projects opened, resized, re-prioritised, closed. */
    private final class PoolScript {

        private final String pool;
        private final Map<String, Long> people = new LinkedHashMap<>();
        private final Map<String, Long> projects = new LinkedHashMap<>();
        private int hires;
        private int openings;

        PoolScript(String pool) {
            this.pool = pool;
        }

        SpecificRecord next() {
            int roll = random.nextInt(100);
            if (people.size() < 4 || roll < 30) {
                return hire();
            }
            if (projects.size() < 2 || roll < 42) {
                return open();
            }
            if (roll < 55) {
                return employee(pick(people), EmployeeCapacityChanged.newBuilder()
                        .setFte(random.nextInt(5) * 0.25).build());
            }
            if (roll < 65) {
                return employee(pick(people), EmployeeProfileChanged.newBuilder().setPersonas(personas())
                        .setSkills(skills()).setSeniority(seniority()).build());
            }
            if (roll < 71) {
                LocalDate from = today.plusDays(random.nextInt(3) - 1);
                return employee(pick(people), EmployeeLeaveScheduled.newBuilder().setFromDate(from)
                        .setToDate(from.plusDays(5 + random.nextInt(30))).build());
            }
            if (roll < 76) {
                String leaver = pick(people);
                SpecificRecord event = employee(leaver, EmployeeDeparted.newBuilder()
                        .setEffectiveDate(today.plusDays(random.nextInt(2) * random.nextInt(30))).build());
                people.remove(leaver);
                return event;
            }
            if (roll < 86) {
                return project(pick(projects), ProjectSlotsChanged.newBuilder().setSlots(slots()).build());
            }
            if (roll < 94 || projects.size() < 4) {
                return project(pick(projects), ProjectScheduleChanged.newBuilder().setPriority(1 + random.nextInt(5))
                        .setStartDate(today.minusDays(1)).setEndDate(today.plusMonths(6)).build());
            }
            String closing = pick(projects);
            SpecificRecord event = project(closing, ProjectClosed.newBuilder().setEffectiveDate(today).build());
            projects.remove(closing);
            return event;
        }

        private SpecificRecord hire() {
            String id = pool + "-e" + (++hires);
            people.put(id, 0L);
            return employee(id, EmployeeHired.newBuilder().setPersonas(personas()).setSkills(skills())
                    .setSeniority(seniority()).setFte(random.nextInt(100) < 80 ? 1.0 : 0.5)
                    .setStartDate(today.minusYears(1)).build());
        }

        private SpecificRecord open() {
            String id = pool + "-p" + (++openings);
            projects.put(id, 0L);
            return project(id, ProjectOpened.newBuilder().setName("Project " + id).setPriority(1 + random.nextInt(5))
                    .setStartDate(today.minusDays(1)).setEndDate(today.plusMonths(6)).setSlots(slots()).build());
        }

        private SpecificRecord employee(String id, Object payload) {
            long sequence = people.merge(id, 1L, Long::sum);
            return EmployeeEvent.newBuilder().setEventId(nextId()).setOccurredAt(OCCURRED).setSequence(sequence)
                    .setPool(pool).setEmployeeId(id).setPayload(payload).build();
        }

        private SpecificRecord project(String id, Object payload) {
            long sequence = projects.merge(id, 1L, Long::sum);
            return ProjectEvent.newBuilder().setEventId(nextId()).setOccurredAt(OCCURRED).setSequence(sequence)
                    .setPool(pool).setProjectId(id).setPayload(payload).build();
        }

        private String pick(Map<String, Long> ids) {
            List<String> all = new ArrayList<>(ids.keySet());
            return all.get(random.nextInt(all.size()));
        }
    }

    private String nextId() {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    private List<String> personas() {
        List<String> personas = new ArrayList<>(List.of(PERSONAS[random.nextInt(PERSONAS.length)]));
        if (random.nextInt(100) < 15) {
            String second = PERSONAS[random.nextInt(PERSONAS.length)];
            if (!personas.contains(second)) {
                personas.add(second);
            }
        }
        return personas;
    }

    private List<String> skills() {
        List<String> skills = new ArrayList<>();
        for (String skill : SKILLS) {
            if (random.nextInt(100) < 40) {
                skills.add(skill);
            }
        }
        return skills;
    }

    private Seniority seniority() {
        return Seniority.values()[random.nextInt(Seniority.values().length)];
    }

    /** Two to five slots of a platform team's personas, some half time, some asking for a skill. */
    private List<Slot> slots() {
        List<Slot> slots = new ArrayList<>();
        int count = 2 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            String persona = PERSONAS[random.nextInt(PERSONAS.length)];
            slots.add(Slot.newBuilder().setSlotId("s" + i).setPersona(persona).setSeats(1 + random.nextInt(3))
                    .setAllocation(random.nextInt(100) < 80 ? 1.0 : 0.5)
                    .setRequiredSkills(random.nextInt(100) < 25 ? List.of(SKILLS[random.nextInt(SKILLS.length)])
                            : List.of())
                    .build());
        }
        return slots;
    }
}
