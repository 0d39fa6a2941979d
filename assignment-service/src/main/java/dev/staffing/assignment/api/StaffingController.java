package dev.staffing.assignment.api;

import dev.staffing.assignment.engine.SeatKey;
import dev.staffing.assignment.staffing.PoolEngines;
import dev.staffing.events.GapSeverity;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Arrays;
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
@Tag(name = "Staffing", description = "Projects, who fills their seats, and the open gaps")
class StaffingController {

    private final StaffingQueries queries;
    private final PoolEngines engines;

    StaffingController(StaffingQueries queries, PoolEngines engines) {
        this.queries = queries;
        this.engines = engines;
    }

    @GetMapping("/projects")
    @Operation(summary = "List projects with their seat, filled and open-gap counts, by id, a page at a time")
    @ApiResponse(responseCode = "200", description = "One page of the projects that pass the filters")
    PageView<ProjectSummaryView> projects(
            @Parameter(description = "Only projects of this staffing pool") @RequestParam(required = false)
            String pool,
            @Parameter(description = "Only closed (true) or only open (false) projects")
            @RequestParam(required = false) Boolean closed,
            @Parameter(description = "Only projects with at least one open gap (true) or with none (false)")
            @RequestParam(required = false) Boolean hasGaps,
            @Parameter(description = "The page number, 0-based") @RequestParam(defaultValue = "0") @Min(0) int page,
            @Parameter(description = "The page size, 1 to 500") @RequestParam(defaultValue = "50") @Min(1)
            @Max(PageRequest.MAX_SIZE) int size) {
        return queries.projects(new ProjectFilter(pool, closed, hasGaps), new PageRequest(page, size));
    }

    @GetMapping("/projects/{projectId}/staffing")
    @Operation(summary = "One project's seats: who fills each, and the gap of each empty one")
    @ApiResponse(responseCode = "200", description = "The project's staffing")
    @ApiResponse(responseCode = "404", description = "No project has this id")
    ProjectStaffingView staffing(@Parameter(description = "The project's id, as its events name it") @PathVariable
            String projectId) {
        return queries.staffingOf(projectId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "No project with id '" + projectId + "'"));
    }

    @GetMapping("/gaps")
    @Operation(summary = "List open gaps, most urgent first (severity, then effective date, then seat), a page at a "
            + "time")
    @ApiResponse(responseCode = "200", description = "One page of the open gaps that pass the filters")
    PageView<GapView> gaps(
            @Parameter(description = "Only gaps of seats asking for this persona id, e.g. security-engineer")
            @RequestParam(required = false) String persona,
            @Parameter(description = "Only gaps of this severity (case-insensitive)",
                    schema = @Schema(allowableValues = {"LOW", "MEDIUM", "HIGH", "CRITICAL"}))
            @RequestParam(required = false) String severity,
            @Parameter(description = "Only gaps of this staffing pool") @RequestParam(required = false) String pool,
            @Parameter(description = "Only gaps of this project") @RequestParam(required = false) String projectId,
            @Parameter(description = "The page number, 0-based") @RequestParam(defaultValue = "0") @Min(0) int page,
            @Parameter(description = "The page size, 1 to 500") @RequestParam(defaultValue = "50") @Min(1)
            @Max(PageRequest.MAX_SIZE) int size) {
        return queries.openGaps(new GapFilter(persona, parseSeverity(severity), pool, projectId),
                new PageRequest(page, size));
    }

    /**
     * One seat's gap: its reason, nearest candidates and the smallest change that would fill it, as things
     * stand now where this instance decides the seat's pool, else as of the gap's last alert.
     */
    @GetMapping("/gaps/{projectId}/{slotId}/{seat}")
    @Operation(summary = "One seat's open gap: why it is empty, who comes nearest, and the smallest change that "
            + "would fill it")
    @ApiResponse(responseCode = "200", description = "The seat's gap, explained as things stand now where this "
            + "instance decides its pool, else as of its last alert")
    @ApiResponse(responseCode = "404", description = "The seat has no open gap")
    GapView gap(@Parameter(description = "The project's id") @PathVariable String projectId,
            @Parameter(description = "The slot's id within the project") @PathVariable String slotId,
            @Parameter(description = "The seat's number within the slot, from 1") @PathVariable int seat) {
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
