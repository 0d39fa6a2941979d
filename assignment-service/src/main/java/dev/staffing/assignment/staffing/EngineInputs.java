package dev.staffing.assignment.staffing;

import dev.staffing.assignment.engine.Absence;
import dev.staffing.assignment.engine.Candidate;
import dev.staffing.assignment.engine.ProjectDemand;
import dev.staffing.assignment.engine.SlotDemand;
import dev.staffing.assignment.overrides.ProjectOverrides;
import dev.staffing.assignment.people.Person;
import dev.staffing.assignment.personas.PersonaCatalog;
import dev.staffing.assignment.projects.Project;
import dev.staffing.assignment.projects.ProjectSlot;
import dev.staffing.events.Seniority;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The stored people and projects, as the engine takes them. */
final class EngineInputs {

    private EngineInputs() {
    }

    static Candidate candidate(Person person) {
        List<Absence> absences = new ArrayList<>();
        if (person.leaveFrom() != null) {
            absences.add(Absence.leave(person.leaveFrom(), person.leaveTo()));
        }
        if (person.departureDate() != null) {
            absences.add(Absence.departure(person.departureDate()));
        }
        return new Candidate(person.id(), canonical(person.personaSet().values()), canonical(person.skillSet().values()),
                seniorityRank(person.seniority()), person.capacity(), absences);
    }

    /**
     * The names as the JVM's one copy of each: persona ids and skills are a small vocabulary repeated by every
     * person a pool keeps in memory, each of whom would otherwise hold copies of their own.
     */
    private static Set<String> canonical(Set<String> names) {
        Set<String> canonical = new HashSet<>(names.size() * 2);
        for (String name : names) {
            canonical.add(name.intern());
        }
        return canonical;
    }

    /**
     * A slot's weight: the project's priority (1-5) times its persona's criticality factor. The project's
     * exclusions go on every slot; were a person both pinned and excluded (the ingest path never lets that
     * happen), the exclusion would win.
     */
    static ProjectDemand demand(Project project, PersonaCatalog catalog, ProjectOverrides overrides) {
        List<SlotDemand> slots = new ArrayList<>();
        for (ProjectSlot slot : project.slots()) {
            long weight = (long) project.priority() * catalog.criticalityOf(slot.persona()).weightFactor();
            Set<String> pinned = new HashSet<>(overrides.pinnedTo(slot.slotId()));
            pinned.removeAll(overrides.excluded());
            slots.add(new SlotDemand(slot.slotId(), slot.persona(), slot.seats(), slot.allocation(),
                    canonical(slot.requiredSkillSet().values()), seniorityRank(slot.minSeniority()), weight, pinned,
                    overrides.excluded()));
        }
        return new ProjectDemand(project.id(), project.startDate(),
                project.endDate() == null ? LocalDate.MAX : project.endDate(), slots);
    }

    static int seniorityRank(String seniority) {
        return seniority == null ? 0 : Seniority.valueOf(seniority).ordinal();
    }
}
