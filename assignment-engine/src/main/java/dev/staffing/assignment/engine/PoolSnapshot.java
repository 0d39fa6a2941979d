package dev.staffing.assignment.engine;

import java.time.LocalDate;
import java.util.List;

/**
 * The stored state of one staffing pool, from which the engine is rebuilt.
 *
 * @param holdings the assignments as last decided
 * @param openGaps the gaps last reported (a holder's departure or leave stays the cause while the seat
 *     stays empty, and only changes against these are reported again)
 * @param nextOrder the order the next holding gets (later holdings are released first when a slot shrinks)
 */
public record PoolSnapshot(LocalDate today, List<Candidate> people, List<ProjectDemand> projects,
        List<Holding> holdings, List<Gap> openGaps, long nextOrder) {

    public PoolSnapshot {
        people = List.copyOf(people);
        projects = List.copyOf(projects);
        holdings = List.copyOf(holdings);
        openGaps = List.copyOf(openGaps);
    }

    /** A pool with nothing decided yet. */
    public static PoolSnapshot empty(LocalDate today) {
        return new PoolSnapshot(today, List.of(), List.of(), List.of(), List.of(), 1);
    }
}
