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
import dev.staffing.assignment.engine.PoolState;
import dev.staffing.assignment.engine.SeatDemand;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The optimum of a pool by Google OR-Tools, written independently of the engine: one 0/1 variable per
 * (person, slot) that the person is eligible for (seats of a slot are interchangeable and one person
 * takes at most one seat of a slot), at most {@code seats} people per slot, allocations within each
 * person's capacity, maximising the weight of filled seats. The LP relaxation (GLOP) bounds it from
 * above, and where every allocation is the same the constraint matrix is totally unimodular, so the LP
 * optimum is the integer optimum, proven. Otherwise CP-SAT solves the integer model within a time limit
 * and says whether it proved optimality; its bound is never above the LP's.
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
    Optimum solve(PoolState pool, long achieved) {
        double lp = lpBound(pool);
        boolean uniform = pool.seats().stream().map(SeatDemand::allocation).distinct().count() <= 1;
        if (uniform) {
            long optimum = Math.round(lp);
            return new Optimum(optimum, optimum, Math.abs(lp - optimum) < 1e-6);
        }
        long lpFloor = (long) Math.floor(lp + 1e-6);
        if (achieved >= lpFloor) {
            return new Optimum(achieved, lpFloor, true);
        }
        Optimum integer = cpSat(pool);
        return new Optimum(integer.weight(), Math.min(integer.bound(), (long) Math.floor(lp + 1e-6)),
                integer.proven());
    }

    private static double lpBound(PoolState pool) {
        MPSolver solver = MPSolver.createSolver("GLOP");
        MPObjective objective = solver.objective();
        Map<Candidate, MPConstraint> load = new LinkedHashMap<>();
        for (List<SeatDemand> slot : slots(pool).values()) {
            SeatDemand first = slot.get(0);
            MPConstraint taken = solver.makeConstraint(0, slot.size());
            for (Candidate person : pool.people()) {
                if (eligible(person, first)) {
                    MPVariable x = solver.makeNumVar(0, 1, "");
                    taken.setCoefficient(x, 1);
                    load.computeIfAbsent(person, p -> solver.makeConstraint(0, p.capacity()))
                            .setCoefficient(x, first.allocation());
                    objective.setCoefficient(x, first.weight());
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

    private static Map<String, List<SeatDemand>> slots(PoolState pool) {
        Map<String, List<SeatDemand>> slots = new LinkedHashMap<>();
        pool.seats().forEach(seat -> slots.computeIfAbsent(seat.key().projectId() + "/" + seat.key().slotId(),
                key -> new ArrayList<>()).add(seat));
        return slots;
    }

    private static boolean eligible(Candidate person, SeatDemand seat) {
        return person.availability() == Availability.ACTIVE && person.personas().contains(seat.persona())
                && person.skills().containsAll(seat.requiredSkills()) && person.seniority() >= seat.minSeniority()
                && person.capacity() >= seat.allocation();
    }

    private Optimum cpSat(PoolState pool) {
        Map<String, List<SeatDemand>> slots = slots(pool);
        CpModel model = new CpModel();
        LinearExprBuilder objective = LinearExpr.newBuilder();
        Map<Candidate, LinearExprBuilder> load = new LinkedHashMap<>();
        for (List<SeatDemand> slot : slots.values()) {
            SeatDemand first = slot.get(0);
            LinearExprBuilder taken = LinearExpr.newBuilder();
            for (Candidate person : pool.people()) {
                if (!eligible(person, first)) {
                    continue;
                }
                Literal x = model.newBoolVar(person.id() + "@" + first.key());
                taken.add(x);
                load.computeIfAbsent(person, p -> LinearExpr.newBuilder()).addTerm(x, first.allocation());
                objective.addTerm(x, first.weight());
            }
            model.addLessOrEqual(taken, slot.size());
        }
        load.forEach((person, used) -> model.addLessOrEqual(used, person.capacity()));
        model.maximize(objective);
        CpSolver solver = new CpSolver();
        solver.getParameters().setMaxTimeInSeconds(secondsPerPool);
        solver.getParameters().setNumWorkers(2);
        CpSolverStatus status = solver.solve(model);
        return new Optimum(Math.round(solver.objectiveValue()), Math.round(solver.bestObjectiveBound()),
                status == CpSolverStatus.OPTIMAL);
    }
}
