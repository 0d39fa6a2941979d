package dev.staffing.assignment.board;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The gap-alert stream for dashboards ({@code text/event-stream}): every gap alert from now on, as events named
 * {@code gap} with id {@code partition-offset} and the alert as JSON, optionally only those of one persona, pool
 * or project; a heartbeat comment while it is quiet.
 */
@RestController
@Tag(name = "Board")
class GapStreamController {

    /** How soon a refused client may try again. */
    private static final String RETRY_AFTER_SECONDS = "10";

    private final GapStream stream;
    private final BoardProperties properties;

    GapStreamController(GapStream stream, BoardProperties properties) {
        this.stream = stream;
        this.properties = properties;
    }

    @GetMapping(path = "/api/gaps/stream", produces = {MediaType.TEXT_EVENT_STREAM_VALUE,
            MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    @Operation(summary = "Stream gap alerts as server-sent events from now on: event 'gap', id 'partition-offset', "
            + "data the alert as JSON (status, seatKey, persona, severity, reason, acknowledgement, escalation...); "
            + "a heartbeat comment while quiet")
    @ApiResponse(responseCode = "200", description = "The stream; it ends after staffing.board.stream-timeout and "
            + "a client that falls behind by staffing.board.client-buffer events is dropped: reconnect and reload",
            content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "503", description = "This instance already serves staffing.board.max-clients "
            + "streams, or is shutting down; try again after Retry-After seconds",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<?> stream(
            @Parameter(description = "Only alerts of seats asking for this persona id, e.g. security-engineer")
            @RequestParam(required = false) String persona,
            @Parameter(description = "Only alerts of this staffing pool") @RequestParam(required = false) String pool,
            @Parameter(description = "Only alerts of this project") @RequestParam(required = false) String projectId) {
        return stream.connect(new GapStreamFilter(persona, pool, projectId))
                .<ResponseEntity<?>>map(emitter -> ResponseEntity.ok()
                        .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                        // Proxies such as nginx would otherwise hold events back in their buffers.
                        .header("X-Accel-Buffering", "no")
                        .contentType(MediaType.TEXT_EVENT_STREAM)
                        .body(emitter))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                        .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                                "The gap stream already serves its most clients (staffing.board.max-clients = "
                                        + properties.maxClients() + ") or is shutting down; try again later")));
    }
}
