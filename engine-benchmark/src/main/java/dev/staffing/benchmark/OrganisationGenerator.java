package dev.staffing.benchmark;

import dev.staffing.assignment.engine.Availability;
import dev.staffing.assignment.engine.Candidate;
import dev.staffing.assignment.engine.PoolState;
import dev.staffing.assignment.engine.SeatDemand;
import dev.staffing.assignment.engine.SeatKey;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Seeded, realistic organisations from the persona catalog: Backend Engineers plentiful, Security
 * Engineers and Platform Architects scarce, mixed priorities, one project per ten people (six seats
 * on average), split into staffing pools of {@code poolSize} people. With {@code unitOnly} every seat
 * and every person is full time (the exact case); otherwise some seats and people are half time.
 */
final class OrganisationGenerator {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    private static final String[] PERSONAS = {"backend-engineer", "frontend-engineer", "devops-engineer",
        "qa-engineer", "data-engineer", "ux-designer", "product-manager", "project-manager", "platform-architect",
        "security-engineer"};
    private static final int[] PER_MILLE = {330, 160, 100, 100, 90, 60, 50, 50, 40, 20};
    private static final int[] CRITICALITY = {2, 2, 2, 2, 2, 2, 2, 2, 3, 5};
    private static final String[][] SKILLS = {{"java", "kotlin", "go", "postgresql", "kafka"},
        {"typescript", "react", "css"}, {"kubernetes", "terraform", "aws"}, {"selenium", "performance"},
        {"spark", "sql", "kafka"}, {"figma", "research"}, {"roadmapping"}, {"scrum"},
        {"distributed-systems", "aws"}, {"threat-modeling", "iam"}};

    private final long seed;
    private final boolean unitOnly;

    OrganisationGenerator(long seed, boolean unitOnly) {
        this.seed = seed;
        this.unitOnly = unitOnly;
    }

    List<PoolState> pools(int people, int poolSize) {
        List<PoolState> pools = new ArrayList<>();
        for (int start = 0, pool = 0; start < people; start += poolSize, pool++) {
            pools.add(pool(pool, Math.min(poolSize, people - start)));
        }
        return pools;
    }

    private PoolState pool(int pool, int size) {
        Random random = new Random(seed * 1_000_003 + pool);
        List<Candidate> people = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            int persona = pickPersona(random);
            Set<String> skills = new HashSet<>();
            for (String skill : SKILLS[persona]) {
                if (random.nextInt(100) < 60) {
                    skills.add(skill);
                }
            }
            Set<String> personas = new HashSet<>(Set.of(PERSONAS[persona]));
            if (persona == 0 && random.nextInt(100) < 10) {
                personas.add("devops-engineer");
            }
            int capacity = unitOnly || random.nextInt(100) < 85 ? 100 : 50;
            people.add(new Candidate(String.format("g%03d-e%05d", pool, i), personas, skills, random.nextInt(5),
                    capacity, Availability.ACTIVE, ""));
        }
        List<SeatDemand> seats = new ArrayList<>();
        for (int p = 0; p < Math.max(1, size / 10); p++) {
            String project = String.format("g%03d-p%04d", pool, p);
            int priority = 1 + random.nextInt(5);
            addSlot(seats, project, "architect", 8, 1, half(random), priority, List.of(), 0);
            addSlot(seats, project, "backend", 0, 1 + random.nextInt(2), 100, priority,
                    random.nextInt(100) < 30 ? List.of("java") : List.of(), 0);
            addSlot(seats, project, "frontend", 1, 1, 100, priority, List.of(), 0);
            if (random.nextBoolean()) {
                addSlot(seats, project, "devops", 2, 1, half(random), priority, List.of(), 0);
            }
            if (random.nextInt(100) < 60) {
                addSlot(seats, project, "security", 9, 1, half(random), priority, List.of(),
                        random.nextInt(100) < 20 ? 2 : 0);
            }
            if (random.nextBoolean()) {
                addSlot(seats, project, "qa", 3, 1, 100, priority, List.of(), 0);
            }
            if (random.nextInt(100) < 30) {
                addSlot(seats, project, "data", 4, 1, 100, priority, List.of("kafka"), 0);
            }
        }
        return new PoolState(TODAY, people, seats, List.of(), Set.of(), Map.of(), Map.of(), LocalDate.MAX,
                Integer.MAX_VALUE);
    }

    private int half(Random random) {
        return unitOnly || random.nextBoolean() ? 100 : 50;
    }

    private static void addSlot(List<SeatDemand> seats, String project, String slot, int persona, int count,
            int allocation, int priority, List<String> skills, int minSeniority) {
        for (int seat = 1; seat <= count; seat++) {
            seats.add(new SeatDemand(new SeatKey(project, slot, seat), PERSONAS[persona], Set.copyOf(skills),
                    minSeniority, allocation, (long) priority * CRITICALITY[persona], TODAY));
        }
    }

    private static int pickPersona(Random random) {
        int roll = random.nextInt(1000);
        for (int i = 0; i < PER_MILLE.length; i++) {
            roll -= PER_MILLE[i];
            if (roll < 0) {
                return i;
            }
        }
        return 0;
    }
}
