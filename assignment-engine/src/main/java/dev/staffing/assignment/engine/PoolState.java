package dev.staffing.assignment.engine;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the engine needs to decide one staffing pool.
 *
 * @param today the day of the decision
 * @param people everyone of the pool
 * @param seats every seat of the pool's open projects
 * @param holdings the current assignments
 * @param closedProjectIds projects closed since their holdings were made, so their release says so
 * @param previousGaps the gaps open before this decision; a holder's departure or
 *     leave stays the cause while the seat stays empty
 * @param upcomingAbsences departures and leaves that have not begun, by person id
 * @param horizonEnd the last day a gap is reported for: seats needed later, and absences starting
 *     later, raise nothing yet
 * @param churnBudget how many valid holdings one decision may move to fill more weight; a rebalance
 *     that needs more is held back and reported
 */
public record PoolState(LocalDate today, List<Candidate> people, List<SeatDemand> seats, List<Holding> holdings,
        Set<String> closedProjectIds, Map<SeatKey, Gap> previousGaps, Map<String, Absence> upcomingAbsences,
        LocalDate horizonEnd, int churnBudget) {

    public PoolState {
        people = List.copyOf(people);
        seats = List.copyOf(seats);
        holdings = List.copyOf(holdings);
        closedProjectIds = Set.copyOf(closedProjectIds);
        previousGaps = Map.copyOf(previousGaps);
        upcomingAbsences = Map.copyOf(upcomingAbsences);
    }

    /** A state with nothing upcoming and no horizon. */
    public PoolState(LocalDate today, List<Candidate> people, List<SeatDemand> seats, List<Holding> holdings,
            Set<String> closedProjectIds, Map<SeatKey, Gap> previousGaps) {
        this(today, people, seats, holdings, closedProjectIds, previousGaps, Map.of(), LocalDate.MAX,
                Integer.MAX_VALUE);
    }
}
