package dev.staffing.assignment.overrides;

import java.util.Map;
import java.util.Set;

/**
 * The overrides in force on one project.
 *
 * @param pinsBySlot the people pinned to each slot, by slot id
 * @param excluded the people excluded from every slot of the project
 */
public record ProjectOverrides(Map<String, Set<String>> pinsBySlot, Set<String> excluded) {

    public static final ProjectOverrides NONE = new ProjectOverrides(Map.of(), Set.of());

    public ProjectOverrides {
        pinsBySlot = Map.copyOf(pinsBySlot);
        excluded = Set.copyOf(excluded);
    }

    /** The people pinned to a slot (none when the slot has no pin). */
    public Set<String> pinnedTo(String slotId) {
        return pinsBySlot.getOrDefault(slotId, Set.of());
    }
}
