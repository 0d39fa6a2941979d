package dev.staffing.assignment.demo;

import dev.staffing.events.EmployeeEvent;
import dev.staffing.events.EmployeeHired;
import dev.staffing.events.ProjectEvent;
import dev.staffing.events.ProjectOpened;
import dev.staffing.events.Seniority;
import dev.staffing.events.Slot;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded sample organisation of the ten personas: Backend Engineers plentiful, Security Engineers
 * and Platform Architects scarce, projects of mixed priority with a few half-time seats.
 */
final class SampleOrganisation {

    /** Persona ids with their share of the people, in per mille. */
    private static final String[] PERSONAS = {"backend-engineer", "frontend-engineer", "devops-engineer",
        "qa-engineer", "data-engineer", "ux-designer", "product-manager", "project-manager", "platform-architect",
        "security-engineer"};
    private static final int[] PER_MILLE = {330, 160, 100, 100, 90, 60, 50, 50, 40, 20};
    private static final String[][] SKILLS = {{"java", "kotlin", "go", "postgresql", "kafka"},
        {"typescript", "react", "css", "accessibility"}, {"kubernetes", "terraform", "aws", "observability"},
        {"selenium", "performance-testing", "java"}, {"spark", "sql", "airflow", "kafka"},
        {"figma", "user-research"}, {"roadmapping", "analytics"}, {"scrum", "kanban"},
        {"distributed-systems", "kafka", "aws"}, {"threat-modeling", "iam", "penetration-testing"}};

    private final long seed;
    private final Instant now;
    private final LocalDate today;

    SampleOrganisation(long seed, Instant now, LocalDate today) {
        this.seed = seed;
        this.now = now;
        this.today = today;
    }

    List<EmployeeEvent> people(int count) {
        Random random = new Random(seed);
        List<EmployeeEvent> events = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            int persona = pickPersona(random);
            List<String> skills = new ArrayList<>();
            for (String skill : SKILLS[persona]) {
                if (random.nextInt(100) < 60) {
                    skills.add(skill);
                }
            }
            List<String> personas = new ArrayList<>(List.of(PERSONAS[persona]));
            if (persona == 0 && random.nextInt(100) < 10) {
                personas.add("devops-engineer");
            }
            String id = String.format("e-%04d", i);
            EmployeeHired hired = EmployeeHired.newBuilder().setPersonas(personas).setSkills(skills)
                    .setSeniority(Seniority.values()[random.nextInt(Seniority.values().length)])
                    .setFte(random.nextInt(100) < 85 ? 1.0 : 0.5).setStartDate(today.minusYears(1)).build();
            events.add(EmployeeEvent.newBuilder().setEventId("demo-" + seed + "-" + id + "-hired").setOccurredAt(now)
                    .setSequence(1).setPool("default").setEmployeeId(id).setPayload(hired).build());
        }
        return events;
    }

    List<ProjectEvent> projects(int count) {
        Random random = new Random(seed + 1);
        List<ProjectEvent> events = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            List<Slot> slots = new ArrayList<>();
            slots.add(slot("architect", "platform-architect", 1, 0.5, List.of()));
            slots.add(slot("backend", "backend-engineer", 2 + random.nextInt(3), 1.0, List.of()));
            slots.add(slot("frontend", "frontend-engineer", 1 + random.nextInt(2), 1.0, List.of()));
            slots.add(slot("devops", "devops-engineer", 1, random.nextBoolean() ? 0.5 : 1.0, List.of()));
            slots.add(slot("qa", "qa-engineer", 1, 1.0, List.of()));
            if (random.nextInt(100) < 70) {
                slots.add(slot("security", "security-engineer", 1, 0.5, List.of()));
            }
            if (random.nextBoolean()) {
                slots.add(slot("data", "data-engineer", 1, 1.0, List.of("kafka")));
            }
            slots.add(slot("delivery", "project-manager", 1, 0.5, List.of()));
            String id = String.format("p-%03d", i);
            ProjectOpened opened = ProjectOpened.newBuilder().setName("Project " + i)
                    .setPriority(1 + random.nextInt(5)).setStartDate(today.minusDays(random.nextInt(30)))
                    .setEndDate(today.plusMonths(3 + random.nextInt(9))).setSlots(slots).build();
            events.add(ProjectEvent.newBuilder().setEventId("demo-" + seed + "-" + id + "-opened").setOccurredAt(now)
                    .setSequence(1).setPool("default").setProjectId(id).setPayload(opened).build());
        }
        return events;
    }

    private static Slot slot(String id, String persona, int seats, double allocation, List<String> skills) {
        return Slot.newBuilder().setSlotId(id).setPersona(persona).setSeats(seats).setAllocation(allocation)
                .setRequiredSkills(skills).build();
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
