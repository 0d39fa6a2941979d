package dev.staffing.assignment.staffing;

import dev.staffing.assignment.alerts.OpenGap;
import dev.staffing.assignment.alerts.OpenGapRepository;
import dev.staffing.assignment.engine.Gap;
import dev.staffing.assignment.engine.GapCause;
import dev.staffing.assignment.engine.Holding;
import dev.staffing.assignment.engine.PoolSnapshot;
import dev.staffing.assignment.engine.ProjectDemand;
import dev.staffing.assignment.engine.SeatKey;
import dev.staffing.assignment.people.PersonRepository;
import dev.staffing.assignment.overrides.OverrideStore;
import dev.staffing.assignment.overrides.ProjectOverrides;
import dev.staffing.assignment.personas.PersonaCatalog;
import dev.staffing.assignment.projects.ProjectStore;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Reads the stored state of one staffing pool, from which its engine is rebuilt. */
@Component
class PoolSnapshotReader {

    private final PersonRepository people;
    private final ProjectStore projects;
    private final AssignmentRepository assignments;
    private final OpenGapRepository openGaps;
    private final PersonaCatalog catalog;
    private final OverrideStore overrides;

    PoolSnapshotReader(PersonRepository people, ProjectStore projects, AssignmentRepository assignments,
            OpenGapRepository openGaps, PersonaCatalog catalog, OverrideStore overrides) {
        this.people = people;
        this.projects = projects;
        this.assignments = assignments;
        this.openGaps = openGaps;
        this.catalog = catalog;
        this.overrides = overrides;
    }

    PoolSnapshot read(String pool, LocalDate today, long nextOrder) {
        Map<String, ProjectOverrides> overridden = overrides.forPool(pool);
        List<ProjectDemand> open = projects.findByPool(pool).stream()
                .filter(project -> !project.closed())
                .map(project -> EngineInputs.demand(project, catalog,
                        overridden.getOrDefault(project.id(), ProjectOverrides.NONE)))
                .toList();
        List<Holding> holdings = assignments.findByPool(pool).stream()
                .map(a -> new Holding(new SeatKey(a.projectId(), a.slotId(), a.seat()), a.personId(), a.persona(),
                        a.allocation(), a.assignOrder()))
                .toList();
        List<Gap> gaps = openGaps.findByPool(pool).stream().map(PoolSnapshotReader::gap).toList();
        return new PoolSnapshot(today, people.findByPool(pool).stream().map(EngineInputs::candidate).toList(), open,
                holdings, gaps, nextOrder);
    }

    private static Gap gap(OpenGap gap) {
        return new Gap(new SeatKey(gap.projectId(), gap.slotId(), gap.seat()), gap.persona(),
                GapCause.valueOf(gap.reason()), gap.detail(), gap.effectiveDate(), gap.candidateList(),
                gap.suggestion());
    }
}
