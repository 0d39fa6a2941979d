package dev.staffing.assignment.engine;

import java.util.LinkedHashMap;
import java.util.Map;

/** A project as the engine keeps it, with its slots in the order the project lists them. */
final class ProjectState {

    final String id;
    ProjectDemand demand;
    final Map<String, SlotState> slots = new LinkedHashMap<>();

    ProjectState(ProjectDemand demand) {
        this.id = demand.id();
        this.demand = demand;
    }
}
