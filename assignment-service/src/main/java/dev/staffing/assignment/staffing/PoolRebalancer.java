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
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
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
    private final PoolDecisionThreads decisionThreads;
    private final Timer decideTimer;

    PoolRebalancer(PoolEngines engines, AssignmentRecorder recorder, GapTracker gapTracker, PersonaCatalog catalog,
            Clock clock, EngineProperties engineProperties, OverrideStore overrides,
            PoolDecisionThreads decisionThreads, MeterRegistry registry) {
        this.engines = engines;
        this.decisionThreads = decisionThreads;
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
     * Decides every pool of a batch's {@code changes}, in pool order, after locking all their rows at once,
     * then stores what they decided together: the statements a batch runs do not grow with the pools it
     * touches.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void rebalanceAll(PoolChanges changes) {
        if (changes.isEmpty()) {
            return;
        }
        decideAll(changes.byPool());
    }

    /**
     * Decides the pool after {@code changes}; with no changes, after time passed (every gap's severity is
     * then looked at again too).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public PoolDecision rebalance(String pool, PoolChanges.ForPool changes) {
        return decideAll(new TreeMap<>(Map.of(pool, changes))).get(0).decision();
    }

    /** One pool's decision, the engine that made it and what it was told. */
    private record Decided(String pool, PoolChanges.ForPool changes, StaffingPool engine, PoolDecision decision,
            boolean newDay) {
    }

    private List<Decided> decideAll(SortedMap<String, PoolChanges.ForPool> byPool) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        long start = System.nanoTime();
        engines.lockAll(byPool.keySet());
        Map<String, ProjectOverrides> overridden = overridesOf(byPool.values());
        // Out-of-date engines are rebuilt here, from the database, in the batch's transaction and thread.
        List<ToDecide> toDecide = new ArrayList<>(byPool.size());
        byPool.forEach((pool, changes) -> toDecide.add(new ToDecide(pool, changes,
                engines.lockForDecision(pool, today))));
        long locked = System.nanoTime();
        List<Decided> decided = decisionThreads.decideAll(toDecide, each -> decide(each, overridden, today));
        long engine = System.nanoTime();

        recorder.recordAll(decided.stream().map(each -> new AssignmentRecorder.PoolDecided(each.pool(),
                each.decision(), each.changes().causationId())).toList(), now);
        gapTracker.applyAll(decided.stream().map(each -> new GapTracker.PoolGapChanges(each.pool(),
                each.decision().gapChanges(), each.changes().causationId())).toList(), now, today);
        // A new, changed or closed slot's gap is in the decision's own gap changes; what the engine does not
        // see is a project's priority, which only weighs on severity, and the days passing.
        Map<String, String> reweighed = new HashMap<>();
        for (Decided each : decided) {
            String causationId = each.changes().causationId();
            if (each.newDay() || (each.changes().people().isEmpty() && each.changes().projects().isEmpty())) {
                gapTracker.reviewAllSeverities(each.pool(), causationId, now, today);
            } else {
                each.changes().reprioritised().forEach(project -> reweighed.put(project, causationId));
            }
        }
        gapTracker.reviewSeverities(reweighed, now, today);
        long stored = System.nanoTime();

        for (Decided each : decided) {
            engines.decided(each.pool(), each.engine());
            PoolDecision decision = each.decision();
            if (!decision.changes().isEmpty() || !decision.gapChanges().isEmpty()) {
                long assigned = decision.changes().stream().filter(AssignmentChange::assigned).count();
                log.info("Decided pool {} after {}: {} seats taken, {} released, {} gap changes", each.pool(),
                        each.changes().causationId(), assigned, decision.changes().size() - assigned,
                        decision.gapChanges().size());
            }
        }
        log.debug("Decided {} pools in {} ms: locks, overrides and out-of-date engines read in {} ms, engines {} ms"
                + " on {} threads, stored in {} ms", decided.size(), millis(System.nanoTime() - start),
                millis(locked - start), millis(engine - locked), decisionThreads.threads(), millis(stored - engine));
        return decided;
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    /** The overrides of every project the batch changed, in one read. */
    private Map<String, ProjectOverrides> overridesOf(Collection<PoolChanges.ForPool> byPool) {
        Set<String> projectIds = new HashSet<>();
        byPool.forEach(changes -> changes.projects().forEach(project -> projectIds.add(project.id())));
        return projectIds.isEmpty() ? Map.of() : overrides.forProjects(projectIds);
    }

    /** A pool to decide, what changed in it, and its engine, locked for this transaction. */
    private record ToDecide(String pool, PoolChanges.ForPool changes, StaffingPool engine) {
    }

    /**
     * Tells the pool's engine what changed and lets it decide, in memory, touching nothing but the engine: it
     * may run on one of the {@link PoolDecisionThreads}.
     */
    private Decided decide(ToDecide toDecide, Map<String, ProjectOverrides> overridden, LocalDate today) {
        String pool = toDecide.pool();
        PoolChanges.ForPool changes = toDecide.changes();
        StaffingPool engine = toDecide.engine();
        for (Person person : changes.people()) {
            if (person.pool().equals(pool)) {
                engine.putPerson(EngineInputs.candidate(person));
            } else {
                engine.removePerson(person.id());
            }
        }
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
        return new Decided(pool, changes, engine, decision, newDay);
    }
}
