package dev.staffing.assignment.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The assignment engine for one staffing pool: kept in memory between events, told what changed, and
 * asked to decide. Each change touches only what it must: the exact solver repairs its optimum from the
 * arcs the change touched, and only the slots it touched are looked at for gaps. The same state and the
 * same previous holdings always give the same decision, whatever the history, so an engine rebuilt from
 * stored state decides exactly as the one it replaces.
 *
 * <p>Plain Java: no framework, no I/O, no clock (the day is passed in). Not thread-safe: one writer per
 * pool.
 */
public final class StaffingPool {

    private final PoolModel model;
    private final ChangeLog log = new ChangeLog();
    private final HoldingRules rules;
    private final GapExplainer explainer;
    private Solver solver;

    private StaffingPool(EngineSettings settings, LocalDate today) {
        this.model = new PoolModel(settings, today);
        this.rules = new HoldingRules(model, log);
        this.explainer = new GapExplainer(model);
        useSolver(new GreedySolver(model));
    }

    /** An empty pool. */
    public static StaffingPool empty(EngineSettings settings, LocalDate today) {
        return restore(PoolSnapshot.empty(today), settings);
    }

    /**
     * Rebuilds a pool from stored state. Stored holdings that can no longer stand are released, with
     * their reasons, by the first {@link #decide()}, which also fills what they leave.
     */
    public static StaffingPool restore(PoolSnapshot snapshot, EngineSettings settings) {
        StaffingPool pool = new StaffingPool(settings, snapshot.today());
        List<Candidate> people = new ArrayList<>(snapshot.people());
        people.sort(Comparator.comparing(Candidate::id));
        people.forEach(pool.rules::putPerson);
        List<ProjectDemand> projects = new ArrayList<>(snapshot.projects());
        projects.sort(Comparator.comparing(ProjectDemand::id));
        projects.forEach(pool.rules::putProject);
        pool.model.gaps.preload(snapshot.openGaps());
        pool.placeHoldings(snapshot.holdings());
        pool.model.gaps.adoptFreedSeats(snapshot.holdings().stream().map(Holding::seat).collect(Collectors.toSet()));
        pool.model.nextOrder = Math.max(pool.model.nextOrder, snapshot.nextOrder());
        return pool;
    }

    /**
     * Places the stored holdings on the people and projects as they are now, which may already carry
     * changes not yet decided (the service rebuilds after applying a batch's events): what no longer stands
     * is released with the reason and words the change itself would have given.
     */
    private void placeHoldings(List<Holding> holdings) {
        List<Holding> sorted = new ArrayList<>(holdings);
        sorted.sort(Comparator.comparing(Holding::seat));
        Map<SlotState, Integer> shrunk = new LinkedHashMap<>();
        for (Holding holding : sorted) {
            SlotState slot = model.slot(holding.seat());
            PersonState person = model.people.get(holding.personId());
            String who = "employee " + holding.personId() + " released: ";
            if (slot == null) {
                boolean closed = !model.projects.containsKey(holding.seat().projectId());
                log.released(AssignmentChange.released(holding,
                        closed ? ChangeReason.PROJECT_CLOSED : ChangeReason.SLOT_REMOVED, who + (closed ? "project "
                                + holding.seat().projectId() + " closed or ended"
                                : "seat " + holding.seat() + " no longer exists")));
                continue;
            }
            if (person == null) {
                log.released(AssignmentChange.released(holding, ChangeReason.NO_LONGER_ELIGIBLE,
                        who + "moved out of the pool"));
                continue;
            }
            if (holding.seat().seat() > slot.seats()) {
                // The slot shrank: its holders are placed as they were, then the slot shrinks as a change would.
                shrunk.putIfAbsent(slot, slot.seats());
                slot.resize(holding.seat().seat());
            }
            if (slot.holders[holding.seat().seat() - 1] != null || slot.seatOf(person.id) > 0) {
                log.released(AssignmentChange.released(holding, ChangeReason.SLOT_REMOVED,
                        who + "the seat or the slot was held twice in the stored state"));
            } else {
                model.occupy(person, slot, holding.seat().seat(), holding.order());
                if (holding.allocation() != slot.demand.allocation()) {
                    log.reallocated(slot.holding(holding.seat().seat()));
                }
            }
        }
        shrunk.forEach(rules::shrinkStored);
        List<PersonState> holders = model.people.values().stream().filter(person -> !person.held.isEmpty())
                .sorted(Comparator.comparing(person -> person.id)).toList();
        holders.forEach(rules::reviewHoldings);
    }

    /** A person joined or changed: profile, capacity, absences (carried whole). */
    public void putPerson(Candidate person) {
        rules.putPerson(person);
    }

    /** A person moved to another pool: their seats here are released and they are no longer considered. */
    public void removePerson(String personId) {
        rules.removePerson(personId);
    }

    /** A project opened or changed: dates, slots, weights (carried whole). */
    public void putProject(ProjectDemand project) {
        rules.putProject(project);
    }

    /** A project closed: its people are released and its gaps resolved. */
    public void closeProject(String projectId) {
        rules.closeProject(projectId);
    }

    /** Time passed: leaves and departures that began are acted on, projects that ended close, gaps move on. */
    public void advanceTo(LocalDate day) {
        if (day.equals(model.today)) {
            return;
        }
        model.setToday(day);
        List<PersonState> people = new ArrayList<>(model.people.values());
        people.sort(Comparator.comparing(person -> person.id));
        people.forEach(rules::reviewAvailability);
        List<ProjectState> projects = new ArrayList<>(model.projects.values());
        projects.sort(Comparator.comparing(project -> project.id));
        projects.stream().filter(project -> project.demand.isOver(day)).forEach(project -> rules.closeProject(project.id));
        model.gaps.markAllDirty();
    }

    /** Settles the pool after the changes since the last decision and says what changed. */
    public PoolDecision decide() {
        chooseSolver();
        HeldBack held = solver.decide(log);
        List<GapChange> gapChanges = model.gaps.refresh(explainer);
        PoolDecision decision = new PoolDecision(log.changes(), log.reallocatedHoldings(), gapChanges, held);
        log.clear();
        return decision;
    }

    private void chooseSolver() {
        int allocation = model.uniformAllocation();
        if (allocation > 0) {
            if (!(solver instanceof ExactSolver exact && exact.allocation() == allocation)) {
                useSolver(new ExactSolver(model, allocation));
            }
        } else if (!(solver instanceof GreedySolver)) {
            model.people.values().forEach(person -> {
                person.node = -1;
                person.units.clear();
                person.solvedProfile = null;
            });
            model.slots().forEach(slot -> {
                slot.node = -1;
                slot.outArc = -1;
            });
            useSolver(new GreedySolver(model));
        }
    }

    private void useSolver(Solver next) {
        solver = next;
        rules.useSolver(next);
    }

    /**
     * How many person-slot arcs the exact solver's decided flow stores (-1 for the greedy fill): after a
     * decision, one per holding and no more, whatever the pool's history.
     */
    int storedPairArcs() {
        return solver instanceof ExactSolver exact ? exact.storedPairArcs() : -1;
    }

    /** Whether the pool is decided exactly (every seat asks for one allocation) or by the greedy fill. */
    public boolean isExact() {
        return solver instanceof ExactSolver;
    }

    /** The order the next holding gets; stored with the pool so that a rebuild continues from it. */
    public long nextOrder() {
        return model.nextOrder;
    }

    public LocalDate today() {
        return model.today;
    }

    /** The state to store, from which {@link #restore} rebuilds this pool. */
    public PoolSnapshot snapshot() {
        List<Candidate> people = model.people.values().stream().map(person -> person.profile)
                .sorted(Comparator.comparing(Candidate::id)).toList();
        List<ProjectDemand> projects = model.projects.values().stream().map(project -> project.demand)
                .sorted(Comparator.comparing(ProjectDemand::id)).toList();
        return new PoolSnapshot(model.today, people, projects, holdings(), gaps(), model.nextOrder);
    }

    /** Every holding, in seat order. */
    public List<Holding> holdings() {
        return model.holdings();
    }

    /** Every open gap as last reported, in seat order. */
    public List<Gap> gaps() {
        List<Gap> gaps = new ArrayList<>(model.gaps.reported());
        gaps.sort(Comparator.comparing(Gap::seat));
        return gaps;
    }

    /** The seat's open gap, explained as things stand now (candidates and suggestion included). */
    public Optional<Gap> explain(SeatKey seat) {
        SlotState slot = model.slot(seat);
        return model.gaps.reported(seat).filter(gap -> slot != null && seat.seat() <= slot.seats())
                .map(gap -> explainer.explain(slot, seat.seat(), gap.cause() == GapCause.HOLDER_DEPARTED
                        || gap.cause() == GapCause.HOLDER_ON_LEAVE ? gap
                        : new Gap(gap.seat(), gap.persona(), gap.cause(), "", gap.effectiveDate())));
    }
}
