package dev.staffing.assignment.board;

import dev.staffing.assignment.api.GapView;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything the board shows, read in one transaction.
 *
 * @param personas the personas with open gaps, in the board's order, with their counts by severity
 * @param gaps every open gap, most urgent first
 * @param projectNames the name of each project that has an open gap
 */
record BoardSnapshot(Instant asOf, List<PersonaGapCount> personas, List<GapView> gaps,
        Map<String, String> projectNames) {
}
