package dev.staffing.benchmark;

import java.util.List;
import java.util.Random;

/**
 * A persona of the service's catalog ({@code personas.yml}) as the generator needs it: how common it
 * is among people, the weight factor of its criticality (LOW 1, NORMAL 2, HIGH 3, CRITICAL 5), and the
 * skills its people may bring.
 */
record Persona(String id, int perMille, int criticality, List<String> skills) {

    /** Backend Engineers plentiful; Platform Architects and Security Engineers scarce. */
    static final List<Persona> CATALOG = List.of(
            new Persona("backend-engineer", 330, 2, List.of("java", "kotlin", "go", "postgresql", "kafka")),
            new Persona("frontend-engineer", 160, 2, List.of("typescript", "react", "css")),
            new Persona("devops-engineer", 100, 2, List.of("kubernetes", "terraform", "aws")),
            new Persona("qa-engineer", 100, 2, List.of("selenium", "performance")),
            new Persona("data-engineer", 90, 2, List.of("spark", "sql", "kafka")),
            new Persona("ux-designer", 60, 2, List.of("figma", "research")),
            new Persona("product-manager", 50, 2, List.of("roadmapping")),
            new Persona("project-manager", 50, 2, List.of("scrum")),
            new Persona("platform-architect", 40, 3, List.of("distributed-systems", "aws")),
            new Persona("security-engineer", 20, 5, List.of("threat-modeling", "iam")));

    static Persona byId(String id) {
        return CATALOG.stream().filter(persona -> persona.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no persona " + id));
    }

    /** A persona drawn by how common it is. */
    static Persona pick(Random random) {
        int roll = random.nextInt(1000);
        for (Persona persona : CATALOG) {
            roll -= persona.perMille;
            if (roll < 0) {
                return persona;
            }
        }
        return CATALOG.get(0);
    }
}
