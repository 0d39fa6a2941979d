package dev.staffing.assignment.board;

import dev.staffing.assignment.alerts.OpenGap;
import dev.staffing.assignment.alerts.OpenGapRepository;
import dev.staffing.assignment.api.GapView;
import dev.staffing.assignment.personas.Persona;
import dev.staffing.assignment.personas.PersonaCatalog;
import dev.staffing.assignment.projects.Project;
import dev.staffing.assignment.projects.ProjectStore;
import dev.staffing.events.GapSeverity;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reads the board's snapshot from the database. */
@Component
class BoardQueries {

    private final OpenGapRepository openGaps;
    private final ProjectStore projects;
    private final PersonaCatalog catalog;
    private final Clock clock;

    BoardQueries(OpenGapRepository openGaps, ProjectStore projects, PersonaCatalog catalog, Clock clock) {
        this.openGaps = openGaps;
        this.projects = projects;
        this.catalog = catalog;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    BoardSnapshot snapshot() {
        List<OpenGap> gaps = openGaps.findAll().stream().sorted(OpenGap.MOST_URGENT_FIRST).toList();
        Map<String, PersonaGapCount> counts = new LinkedHashMap<>();
        for (OpenGap gap : gaps) {
            PersonaGapCount count = counts.computeIfAbsent(gap.persona(), this::emptyCount);
            counts.put(gap.persona(), count.plus(GapSeverity.valueOf(gap.severity())));
        }
        Set<String> projectIds = gaps.stream().map(OpenGap::projectId).collect(Collectors.toSet());
        Map<String, String> projectNames = new TreeMap<>();
        for (Project project : projects.findAllById(projectIds).values()) {
            projectNames.put(project.id(), project.name());
        }
        return new BoardSnapshot(clock.instant(),
                counts.values().stream().sorted(PersonaGapCount.BOARD_ORDER).toList(),
                gaps.stream().map(GapView::of).toList(), projectNames);
    }

    private PersonaGapCount emptyCount(String personaId) {
        String name = catalog.find(personaId).map(Persona::name).orElse(personaId);
        return new PersonaGapCount(personaId, name, catalog.criticalityOf(personaId).name(), 0, 0, 0, 0);
    }
}
