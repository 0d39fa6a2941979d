package dev.staffing.assignment.api;

import dev.staffing.assignment.engine.SeatKey;
import dev.staffing.assignment.staffing.PoolEngines;
import dev.staffing.events.GapSeverity;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The read API for staffing managers and dashboards. */
@RestController
@RequestMapping("/api")
class StaffingController {

    private final StaffingQueries queries;
    private final PoolEngines engines;

    StaffingController(StaffingQueries queries, PoolEngines engines) {
        this.queries = queries;
        this.engines = engines;
    }

    @GetMapping("/projects")
    List<ProjectSummaryView> projects() {
        return queries.projects();
    }

    @GetMapping("/projects/{projectId}/staffing")
    ProjectStaffingView staffing(@PathVariable String projectId) {
        return queries.staffingOf(projectId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "No project with id '" + projectId + "'"));
    }

    @GetMapping("/gaps")
    List<GapView> gaps(@RequestParam(required = false) String persona,
            @RequestParam(required = false) String severity,
            @RequestParam(required = false) String pool,
            @RequestParam(required = false) String projectId) {
        return queries.openGaps(new GapFilter(persona, parseSeverity(severity), pool, projectId));
    }

    /**
     * One seat's gap: its reason, nearest candidates and the smallest change that would fill it, as things
     * stand now where this instance decides the seat's pool, else as of the gap's last alert.
     */
    @GetMapping("/gaps/{projectId}/{slotId}/{seat}")
    GapView gap(@PathVariable String projectId, @PathVariable String slotId, @PathVariable int seat) {
        GapView stored = queries.gapOf(projectId, slotId, seat).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, "Seat " + projectId + "/" + slotId + "/" + seat + " has no open gap"));
        return engines.explainNow(stored.pool(), new SeatKey(projectId, slotId, seat))
                .map(now -> stored.explainedNow(now.detail(), now.candidates(), now.suggestion()))
                .orElse(stored);
    }

    private static GapSeverity parseSeverity(String severity) {
        if (severity == null || severity.isBlank()) {
            return null;
        }
        try {
            return GapSeverity.valueOf(severity.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Query parameter 'severity' is '" + severity
                    + "'; expected one of " + Arrays.toString(GapSeverity.values()));
        }
    }
}
