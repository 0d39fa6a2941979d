package dev.staffing.loadbenchmark;

import java.util.List;
import java.util.Random;

/**
 * The ten personas of the service's catalog ({@code personas.yml}) with how common each is among the
 * people (Backend Engineers plentiful, Platform Architects and Security Engineers scarce) and the skills
 * people of it hold. Ids only: the service owns the catalog.
 */
final class Personas {

    static final String BACKEND = "backend-engineer";
    static final String DEVOPS = "devops-engineer";

    private static final List<String> IDS = List.of(BACKEND, "frontend-engineer", DEVOPS, "qa-engineer",
            "data-engineer", "ux-designer", "product-manager", "project-manager", "platform-architect",
            "security-engineer");
    private static final int[] PER_MILLE = {330, 160, 100, 100, 90, 60, 50, 50, 40, 20};
    private static final List<List<String>> SKILLS = List.of(List.of("java", "kotlin", "go", "postgresql", "kafka"),
            List.of("typescript", "react", "css", "accessibility"), List.of("kubernetes", "terraform", "aws", "observability"),
            List.of("selenium", "performance-testing", "java"), List.of("spark", "sql", "airflow", "kafka"),
            List.of("figma", "user-research"), List.of("roadmapping", "analytics"), List.of("scrum", "kanban"),
            List.of("distributed-systems", "kafka", "aws"), List.of("threat-modeling", "iam", "penetration-testing"));

    private Personas() {
    }

    /** A persona id drawn by how common it is. */
    static String pick(Random random) {
        int roll = random.nextInt(1000);
        for (int i = 0; i < PER_MILLE.length; i++) {
            roll -= PER_MILLE[i];
            if (roll < 0) {
                return IDS.get(i);
            }
        }
        return BACKEND;
    }

    /** The skills people of the persona may hold. */
    static List<String> skillsOf(String persona) {
        return SKILLS.get(IDS.indexOf(persona));
    }
}
