package dev.staffing.assignment.overrides;

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
    List<ActiveOverride> active(@RequestParam(required = false) String projectId,
            @RequestParam(required = false) String pool) {
        return store.active(blankToNull(projectId), blankToNull(pool));
    }

    @GetMapping("/audit")
    List<OverrideAuditEntry> audit(@RequestParam String projectId) {
        return store.auditOf(projectId, properties.auditLimit());
    }

    @PostMapping("/pins")
    ResponseEntity<OverrideRequests.Accepted> pin(@RequestBody PinRequest body, Authentication caller,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        return accepted(requests.pin(body.projectId(), body.slotId(), body.personId(), body.reason(), caller.getName(),
                idempotencyKey));
    }

    @DeleteMapping("/pins/{projectId}/{slotId}/{personId}")
    ResponseEntity<OverrideRequests.Accepted> unpin(@PathVariable String projectId, @PathVariable String slotId,
            @PathVariable String personId, @RequestParam String reason, Authentication caller,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        return accepted(requests.unpin(projectId, slotId, personId, reason, caller.getName(), idempotencyKey));
    }

    @PostMapping("/exclusions")
    ResponseEntity<OverrideRequests.Accepted> exclude(@RequestBody ExclusionRequest body, Authentication caller,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        return accepted(requests.exclude(body.projectId(), body.personId(), body.reason(), caller.getName(),
                idempotencyKey));
    }

    @DeleteMapping("/exclusions/{projectId}/{personId}")
    ResponseEntity<OverrideRequests.Accepted> include(@PathVariable String projectId, @PathVariable String personId,
            @RequestParam String reason, Authentication caller,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
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
