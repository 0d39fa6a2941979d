package dev.staffing.assignment.overrides;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Staffing managers' overrides: pin a person to a slot, exclude a person from a project, lift either, and
 * read what is in force and the audit. Changes answer 202 Accepted: the override is on its way to the
 * instance that decides the project's pool, and shows in {@code GET /api/overrides} and the audit once that
 * instance applied it, with the decision it led to. An {@code Idempotency-Key} header makes a retried request
 * apply once.
 */
@RestController
@RequestMapping("/api/overrides")
@Tag(name = "Overrides", description = "Managers' pins and exclusions, what is in force and the audit")
class OverrideController {

    private final OverrideRequests requests;
    private final OverrideStore store;
    private final OverrideProperties properties;

    OverrideController(OverrideRequests requests, OverrideStore store, OverrideProperties properties) {
        this.requests = requests;
        this.store = store;
        this.properties = properties;
    }

    /** Asks to pin a person to a slot. */
    record PinRequest(String projectId, String slotId, String personId, String reason) {
    }

    /** Asks to exclude a person from a project. */
    record ExclusionRequest(String projectId, String personId, String reason) {
    }

    @GetMapping
    @Operation(summary = "List the pins and exclusions in force")
    @ApiResponse(responseCode = "200", description = "The overrides in force that pass the filters")
    List<ActiveOverride> active(
            @Parameter(description = "Only overrides of this project") @RequestParam(required = false)
            String projectId,
            @Parameter(description = "Only overrides of this staffing pool") @RequestParam(required = false)
            String pool) {
        return store.active(blankToNull(projectId), blankToNull(pool));
    }

    @GetMapping("/audit")
    @Operation(summary = "A project's override audit: who asked for what, when, why, and what came of it")
    @ApiResponse(responseCode = "200", description = "The project's latest audit entries")
    List<OverrideAuditEntry> audit(@Parameter(description = "The project's id") @RequestParam String projectId) {
        return store.auditOf(projectId, properties.auditLimit());
    }

    @PostMapping("/pins")
    @Operation(summary = "Pin a person to a slot (manager role)")
    @ApiResponse(responseCode = "202", description = "Accepted: on its way to the instance that decides the pool")
    @ApiResponse(responseCode = "404", description = "No such project, slot or person")
    @ApiResponse(responseCode = "409", description = "The project is closed, or the person is in another pool")
    @ApiResponse(responseCode = "503", description = "The override could not be published; nothing changed")
    ResponseEntity<OverrideRequests.Accepted> pin(@RequestBody PinRequest body, Authentication caller,
            @Parameter(description = "Makes a retried request apply once") @RequestHeader(name = "Idempotency-Key",
                    required = false) String idempotencyKey) {
        return accepted(requests.pin(body.projectId(), body.slotId(), body.personId(), body.reason(), caller.getName(),
                idempotencyKey));
    }

    @DeleteMapping("/pins/{projectId}/{slotId}/{personId}")
    @Operation(summary = "Lift a pin (manager role)")
    @ApiResponse(responseCode = "202", description = "Accepted: on its way to the instance that decides the pool")
    @ApiResponse(responseCode = "404", description = "No such project, slot or person")
    ResponseEntity<OverrideRequests.Accepted> unpin(@Parameter(description = "The project's id") @PathVariable
            String projectId, @Parameter(description = "The slot's id") @PathVariable String slotId,
            @Parameter(description = "The pinned person's id") @PathVariable String personId,
            @Parameter(description = "Why, for the audit") @RequestParam String reason, Authentication caller,
            @Parameter(description = "Makes a retried request apply once") @RequestHeader(name = "Idempotency-Key",
                    required = false) String idempotencyKey) {
        return accepted(requests.unpin(projectId, slotId, personId, reason, caller.getName(), idempotencyKey));
    }

    @PostMapping("/exclusions")
    @Operation(summary = "Exclude a person from a project (manager role)")
    @ApiResponse(responseCode = "202", description = "Accepted: on its way to the instance that decides the pool")
    @ApiResponse(responseCode = "404", description = "No such project or person")
    @ApiResponse(responseCode = "409", description = "The project is closed")
    @ApiResponse(responseCode = "503", description = "The override could not be published; nothing changed")
    ResponseEntity<OverrideRequests.Accepted> exclude(@RequestBody ExclusionRequest body, Authentication caller,
            @Parameter(description = "Makes a retried request apply once") @RequestHeader(name = "Idempotency-Key",
                    required = false) String idempotencyKey) {
        return accepted(requests.exclude(body.projectId(), body.personId(), body.reason(), caller.getName(),
                idempotencyKey));
    }

    @DeleteMapping("/exclusions/{projectId}/{personId}")
    @Operation(summary = "Lift an exclusion (manager role)")
    @ApiResponse(responseCode = "202", description = "Accepted: on its way to the instance that decides the pool")
    @ApiResponse(responseCode = "404", description = "No such project or person")
    ResponseEntity<OverrideRequests.Accepted> include(@Parameter(description = "The project's id") @PathVariable
            String projectId, @Parameter(description = "The excluded person's id") @PathVariable String personId,
            @Parameter(description = "Why, for the audit") @RequestParam String reason, Authentication caller,
            @Parameter(description = "Makes a retried request apply once") @RequestHeader(name = "Idempotency-Key",
                    required = false) String idempotencyKey) {
        return accepted(requests.include(projectId, personId, reason, caller.getName(), idempotencyKey));
    }

    private static ResponseEntity<OverrideRequests.Accepted> accepted(OverrideRequests.Accepted accepted) {
        return ResponseEntity.accepted()
                .location(UriComponentsBuilder.fromPath("/api/overrides/audit")
                        .queryParam("projectId", accepted.projectId()).encode().build().toUri())
                .body(accepted);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
