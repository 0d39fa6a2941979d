package dev.staffing.assignment.staffing;

import dev.staffing.assignment.alerts.GapTracker;
import dev.staffing.assignment.engine.AssignmentChange;
import dev.staffing.assignment.engine.PoolDecision;
import dev.staffing.assignment.engine.StaffingPool;
import dev.staffing.assignment.people.Person;
import dev.staffing.assignment.overrides.OverrideStore;
import dev.staffing.assignment.overrides.ProjectOverrides;
import dev.staffing.assignment.personas.PersonaCatalog;
import dev.staffing.assignment.projects.Project;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells a pool's engine what changed, lets it decide, and stores what it decided: assignments, gaps,
 * and the assignment events and gap alerts in the outbox, all in the caller's transaction.
 */
@Component
public class PoolRebalancer {

    /** The engine time of each pool decision. */
    static final String DECIDE_TIMER = "staffing.engine.decide";

    private static final Logger log = LoggerFactory.getLogger(PoolRebalancer.class);

    private final PoolEngines engines;
    private final AssignmentRecorder recorder;
    private final GapTracker gapTracker;
    private final PersonaCatalog catalog;
    private final Clock clock;
    private final EngineProperties engineProperties;
    private final OverrideStore overrides;
    private final Timer decideTimer;

    PoolRebalancer(PoolEngines engines, AssignmentRecorder recorder, GapTracker gapTracker, PersonaCatalog catalog,
            Clock clock, EngineProperties engineProperties, OverrideStore overrides, MeterRegistry registry) {
        this.engines = engines;
        this.recorder = recorder;
        this.gapTracker = gapTracker;
        this.catalog = catalog;
        this.clock = clock;
        this.engineProperties = engineProperties;
        this.overrides = overrides;
        this.decideTimer = Timer.builder(DECIDE_TIMER)
                .description("Engine time of one pool decision, without reading or writing the database")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(10_000))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry);
    }

    /**
     * Decides every pool of a batch's {@code changes}, in pool order, after locking all their rows at once.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void rebalanceAll(PoolChanges changes) {
        if (changes.isEmpty()) {
            return;
        }
        engines.lockAll(changes.pools());
        changes.forEach(this::rebalance);
    }

    /**
     * Decides the pool after {@code changes}; with no changes, after time passed (every gap's severity is
     * then looked at again too).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public PoolDecision rebalance(String pool, PoolChanges.ForPool changes) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        StaffingPool engine = engines.lockForDecision(pool, today);
        for (Person person : changes.people()) {
            if (person.pool().equals(pool)) {
                engine.putPerson(EngineInputs.candidate(person));
            } else {
                engine.removePerson(person.id());
            }
        }
        Map<String, ProjectOverrides> overridden = changes.projects().isEmpty() ? Map.of()
                : overrides.forProjects(changes.projects().stream().map(Project::id).toList());
        for (Project project : changes.projects()) {
            if (project.pool().equals(pool) && !project.closed()) {
                engine.putProject(EngineInputs.demand(project, catalog,
                        overridden.getOrDefault(project.id(), ProjectOverrides.NONE)));
            } else {
                engine.closeProject(project.id());
            }
        }
        boolean newDay = !engine.today().equals(today);
        engine.advanceTo(today);
        PoolDecision decision = decideTimer.record(engine::decide);
        if (decision.heldBack().any()) {
            log.info("Churn budget {} held back a rebalance of pool {}: moving {} holders would fill {} more weight",
                    engineProperties.churnBudget(), pool, decision.heldBack().moves(), decision.heldBack().weight());
        }
        String causationId = changes.causationId();
        recorder.record(pool, decision, causationId, now);
        gapTracker.apply(pool, decision.gapChanges(), causationId, now, today);
        // A new, changed or closed slot's gap is in the decision's own gap changes; what the engine does not
        // see is a project's priority, which only weighs on severity.
        Set<String> reweighed = changes.reprioritised();
        if (newDay || (changes.people().isEmpty() && changes.projects().isEmpty())) {
            gapTracker.reviewAllSeverities(pool, causationId, now, today);
        } else if (!reweighed.isEmpty()) {
            gapTracker.reviewSeverities(pool, reweighed, causationId, now, today);
        }
        engines.decided(pool, engine);
        if (!decision.changes().isEmpty() || !decision.gapChanges().isEmpty()) {
            long assigned = decision.changes().stream().filter(AssignmentChange::assigned).count();
            log.info("Decided pool {} after {}: {} seats taken, {} released, {} gap changes", pool, causationId,
                    assigned, decision.changes().size() - assigned, decision.gapChanges().size());
        }
        return decision;
    }
}
