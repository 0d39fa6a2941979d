package dev.staffing.assignment.board;

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
    ResponseEntity<?> stream(@RequestParam(required = false) String persona,
            @RequestParam(required = false) String pool,
            @RequestParam(required = false) String projectId) {
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
