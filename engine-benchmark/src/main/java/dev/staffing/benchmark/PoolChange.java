package dev.staffing.benchmark;

import dev.staffing.assignment.engine.Candidate;
import dev.staffing.assignment.engine.ProjectDemand;
import dev.staffing.assignment.engine.StaffingPool;

/** One change told to a pool, as the service tells it after an employee or project event. */
sealed interface PoolChange {

    void applyTo(StaffingPool pool);

    /** A person joined or changed, carried whole. */
    record PersonPut(Candidate person) implements PoolChange {

        @Override
        public void applyTo(StaffingPool pool) {
            pool.putPerson(person);
        }
    }

    /** A project opened or changed, carried whole. */
    record ProjectPut(ProjectDemand project) implements PoolChange {

        @Override
        public void applyTo(StaffingPool pool) {
            pool.putProject(project);
        }
    }

    record ProjectClosed(String projectId) implements PoolChange {

        @Override
        public void applyTo(StaffingPool pool) {
            pool.closeProject(projectId);
        }
    }
}
