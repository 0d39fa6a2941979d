package dev.staffing.assignment.personas;

import java.util.List;

/** One persona of the catalog: what the role is, what it is responsible for, how critical its gaps are. */
public record Persona(String id, String name, String role, List<String> responsibilities, Criticality criticality) {

    public Persona {
        responsibilities = List.copyOf(responsibilities);
    }
}
