package dev.staffing.benchmark;

import com.google.ortools.Loader;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import com.google.ortools.sat.Literal;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import dev.staffing.assignment.engine.Availability;
import dev.staffing.assignment.engine.Candidate;
import dev.staffing.assignment.engine.PoolSnapshot;
import dev.staffing.assignment.engine.ProjectDemand;
import dev.staffing.assignment.engine.SlotDemand;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The optimum of a pool by Google OR-Tools, written independently of the engine: one 0/1 variable per
 * (person, slot) that the person is eligible for (seats of a slot are alike and one person takes at
 * most one seat of a slot), at most {@code seats} people per slot, allocations within each person's
 * capacity, maximising the weight of filled seats. Eligible: active on the pool's day, holds the
 * persona, every required skill, at least the minimum seniority, and capacity for one seat. The LP
 * relaxation (GLOP) bounds it from above, and where every allocation is the same the constraint matrix
 * is totally unimodular, so the LP optimum is the integer optimum, proven. Otherwise CP-SAT solves the
 * integer model within a time limit and says whether it proved optimality; its bound is never above
 * the LP's.
 */
final class OptimumSolver {

    /** The best weight found, the solver's upper bound, and whether the two are proven equal. */
    record Optimum(long weight, long bound, boolean proven) {
    }

    private final double secondsPerPool;

    OptimumSolver(double secondsPerPool) {
        Loader.loadNativeLibraries();
        this.secondsPerPool = secondsPerPool;
    }

    /** @param achieved the weight the engine filled: when it meets the LP bound, that is the proof */
    Optimum solve(PoolSnapshot pool, long achieved) {
        List<SlotDemand> slots = slots(pool);
        int uniform = uniformAllocation(slots);
        double lp = lpBound(pool, slots, uniform);
        if (uniform > 0) {
            long optimum = Math.round(lp);
            return new Optimum(optimum, optimum, Math.abs(lp - optimum) < 1e-6);
        }
        long lpFloor = (long) Math.floor(lp + 1e-6);
        if (achieved >= lpFloor) {
            return new Optimum(achieved, lpFloor, true);
        }
        Optimum integer = cpSat(pool, slots);
        return new Optimum(integer.weight(), Math.min(integer.bound(), lpFloor), integer.proven());
    }

    /**
     * With one allocation everywhere, a person's capacity is a whole number of seats: the LP gets that
     * number as its bound (not the FTE, which would let a half-time person half-fill a full-time seat),
     * which keeps the matrix and the bounds integral, so the LP optimum is the integer one.
     */
    private static double lpBound(PoolSnapshot pool, List<SlotDemand> slots, int uniform) {
        MPSolver solver = MPSolver.createSolver("GLOP");
        MPObjective objective = solver.objective();
        Map<Candidate, MPConstraint> load = new LinkedHashMap<>();
        List<Candidate> active = active(pool);
        for (SlotDemand slot : slots) {
            MPConstraint taken = solver.makeConstraint(0, slot.seats());
            for (Candidate person : active) {
                if (eligible(person, slot)) {
                    MPVariable x = solver.makeNumVar(0, 1, "");
                    taken.setCoefficient(x, 1);
                    load.computeIfAbsent(person, p -> uniform > 0
                            ? solver.makeConstraint(0, p.capacity() / uniform)
                            : solver.makeConstraint(0, p.capacity()))
                            .setCoefficient(x, uniform > 0 ? 1 : slot.allocation());
                    objective.setCoefficient(x, slot.weight());
                }
            }
        }
        objective.setMaximization();
        if (solver.solve() != MPSolver.ResultStatus.OPTIMAL) {
            throw new IllegalStateException("GLOP did not solve the LP relaxation");
        }
        double value = objective.value();
        solver.delete();
        return value;
    }

    /** Every slot of every project, as the engine sees them (a slot of no seats asks for nothing). */
    private static List<SlotDemand> slots(PoolSnapshot pool) {
        return pool.projects().stream().map(ProjectDemand::slots).flatMap(List::stream)
                .filter(slot -> slot.seats() > 0).toList();
    }

    /** The one allocation every slot asks for, or 0 when they differ. */
    private static int uniformAllocation(List<SlotDemand> slots) {
        List<Integer> allocations = slots.stream().map(SlotDemand::allocation).distinct().toList();
        return allocations.size() == 1 ? allocations.get(0) : 0;
    }

    private static List<Candidate> active(PoolSnapshot pool) {
        LocalDate today = pool.today();
        return pool.people().stream().filter(person -> person.availabilityOn(today) == Availability.ACTIVE).toList();
    }

    private static boolean eligible(Candidate person, SlotDemand slot) {
        return person.personas().contains(slot.persona()) && person.skills().containsAll(slot.requiredSkills())
                && person.seniority() >= slot.minSeniority() && person.capacity() >= slot.allocation();
    }

    private Optimum cpSat(PoolSnapshot pool, List<SlotDemand> slots) {
        CpModel model = new CpModel();
        LinearExprBuilder objective = LinearExpr.newBuilder();
        Map<Candidate, LinearExprBuilder> load = new LinkedHashMap<>();
        List<Candidate> active = active(pool);
        for (SlotDemand slot : slots) {
            LinearExprBuilder taken = LinearExpr.newBuilder();
            for (Candidate person : active) {
                if (!eligible(person, slot)) {
                    continue;
                }
                Literal x = model.newBoolVar("");
                taken.add(x);
                load.computeIfAbsent(person, p -> LinearExpr.newBuilder()).addTerm(x, slot.allocation());
                objective.addTerm(x, slot.weight());
            }
            model.addLessOrEqual(taken, slot.seats());
        }
        load.forEach((person, used) -> model.addLessOrEqual(used, person.capacity()));
        model.maximize(objective);
        CpSolver solver = new CpSolver();
        solver.getParameters().setMaxTimeInSeconds(secondsPerPool);
        solver.getParameters().setNumWorkers(2);
        CpSolverStatus status = solver.solve(model);
        if (status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.FEASIBLE) {
            // No solution within the time limit: its bound says nothing, so the LP's stands.
            return new Optimum(0, Long.MAX_VALUE, false);
        }
        return new Optimum(Math.round(solver.objectiveValue()), Math.round(solver.bestObjectiveBound()),
                status == CpSolverStatus.OPTIMAL);
    }
}
