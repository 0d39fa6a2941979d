package dev.staffing.assignment.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which pins must hold, read from the pool's state alone and not from the engine: a pin holds whenever it is
 * feasible on its own, that is the person is in the pool, active on the day, qualifies for the slot and is
 * not excluded from it, no more people are pinned to the slot than it has seats, and the person's capacity
 * covers every slot they are pinned to (so no other pin competes for their seat or their time).
 */
final class PinsHold {

    private final PoolSnapshot state;

    PinsHold(PoolSnapshot state) {
        this.state = state;
    }

    void assertHeld(List<Holding> holdings) {
        Set<String> held = new HashSet<>();
        holdings.forEach(h -> held.add(h.seat().projectId() + "/" + h.seat().slotId() + "#" + h.personId()));
        Map<String, Candidate> people = new HashMap<>();
        state.people().forEach(person -> people.put(person.id(), person));
        Map<String, Integer> pinnedLoad = new HashMap<>();
        state.projects().forEach(project -> project.slots().forEach(slot -> slot.pinned()
                .forEach(id -> pinnedLoad.merge(id, slot.allocation(), Integer::sum))));
        for (ProjectDemand project : state.projects()) {
            for (SlotDemand slot : project.slots()) {
                for (String id : slot.pinned()) {
                    Candidate person = people.get(id);
                    boolean feasible = person != null
                            && person.availabilityOn(state.today()) == Availability.ACTIVE
                            && person.personas().contains(slot.persona())
                            && person.skills().containsAll(slot.requiredSkills())
                            && person.seniority() >= slot.minSeniority()
                            && !slot.excluded().contains(id)
                            && slot.pinned().size() <= slot.seats()
                            && pinnedLoad.get(id) <= person.capacity();
                    if (feasible) {
                        assertThat(held).as("%s pinned to %s/%s, feasible on its own", id, project.id(), slot.slotId())
                                .contains(project.id() + "/" + slot.slotId() + "#" + id);
                    }
                }
            }
        }
    }
}
