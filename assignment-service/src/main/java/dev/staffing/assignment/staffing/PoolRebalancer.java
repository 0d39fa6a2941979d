package dev.staffing.assignment.staffing;

import dev.staffing.assignment.alerts.GapProperties;
import dev.staffing.assignment.alerts.GapTracker;
import dev.staffing.assignment.alerts.OpenGapRepository;
import dev.staffing.assignment.engine.AssignmentChange;
import dev.staffing.assignment.engine.AssignmentEngine;
import dev.staffing.assignment.engine.Decision;
import dev.staffing.assignment.engine.PoolState;
import dev.staffing.assignment.people.PersonRepository;
import dev.staffing.assignment.personas.PersonaCatalog;
import dev.staffing.assignment.projects.Project;
import dev.staffing.assignment.projects.ProjectRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides one staffing pool again after its people or projects changed, stores the new assignments and
 * gaps, and writes the resulting assignment events and gap alerts to the outbox, all in the caller's
 * transaction.
 */
@Component
public class PoolRebalancer {

    private static final Logger log = LoggerFactory.getLogger(PoolRebalancer.class);

    private final PersonRepository people;
    private final ProjectRepository projects;
    private final AssignmentRepository assignments;
    private final OpenGapRepository openGaps;
    private final AssignmentEngine engine;
    private final AssignmentRecorder recorder;
    private final GapTracker gapTracker;
    private final PersonaCatalog catalog;
    private final Clock clock;
    private final GapProperties gapProperties;
    private final EngineProperties engineProperties;

    PoolRebalancer(PersonRepository people, ProjectRepository projects, AssignmentRepository assignments,
            OpenGapRepository openGaps, AssignmentEngine engine, AssignmentRecorder recorder, GapTracker gapTracker,
            PersonaCatalog catalog, Clock clock, GapProperties gapProperties, EngineProperties engineProperties) {
        this.people = people;
        this.projects = projects;
        this.assignments = assignments;
        this.openGaps = openGaps;
        this.engine = engine;
        this.recorder = recorder;
        this.gapTracker = gapTracker;
        this.catalog = catalog;
        this.clock = clock;
        this.gapProperties = gapProperties;
        this.engineProperties = engineProperties;
    }

    /**
     * @param causationId the id of the last input event that touched the pool; outgoing event ids derive
     *     from it, so a replay of the same input yields the same ids
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void rebalance(String pool, String causationId) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        List<Project> poolProjects = projects.findByPool(pool);
        List<Assignment> current = assignments.findByPool(pool);
        var gapsBefore = openGaps.findByPool(pool);
        PoolState state = PoolStateReader.read(today, today.plusDays(gapProperties.horizon().toDays()),
                engineProperties.churnBudget(), people.findByPool(pool), poolProjects, current, gapsBefore, catalog);
        Decision decision = engine.decide(state);
        if (decision.heldBack().any()) {
            log.info("Churn budget {} held back a rebalance of pool {}: moving {} holders would fill {} more weight",
                    engineProperties.churnBudget(), pool, decision.heldBack().moves(), decision.heldBack().weight());
        }

        Map<String, Assignment> bySeat = current.stream()
                .collect(Collectors.toMap(Assignment::seatKey, Function.identity()));
        for (AssignmentChange change : decision.changes()) {
            recorder.record(pool, change, bySeat, causationId, now);
        }
        recorder.updateAllocations(decision.holdings(), bySeat);
        gapTracker.reconcile(pool, decision.allGaps(), gapsBefore, poolProjects, causationId, now, today);
    }
}
