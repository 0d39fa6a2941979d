package dev.staffing.assignment.api;

import dev.staffing.assignment.alerts.GapAcknowledgements;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Staffing managers acknowledging open gaps, which stops their escalation to the people on call. */
@RestController
@RequestMapping("/api")
@Tag(name = "Staffing", description = "Projects, who fills their seats, and the open gaps")
class GapAcknowledgementController {

    /** Who acknowledges when the request carries no authenticated user (security switched off). */
    static final String ANONYMOUS = "anonymous";

    private final GapAcknowledgements acknowledgements;

    GapAcknowledgementController(GapAcknowledgements acknowledgements) {
        this.acknowledgements = acknowledgements;
    }

    /** The body of an acknowledgement; {@code note} is optional, at most 1000 characters. */
    record AcknowledgementRequest(String note) {
    }

    /**
     * Acknowledges the open gap of one seat as the authenticated user, now, with an optional note, and
     * answers the gap as it then stands. Acknowledging again records the latest acknowledgement: its user,
     * time and note replace the earlier ones (a missing note clears the earlier note). The gap's escalation
     * stops at the level reached. 404 when the seat has no open gap; 400 when the note is too long.
     */
    @PostMapping("/gaps/{projectId}/{slotId}/{seat}/acknowledgement")
    @Operation(summary = "Acknowledge a seat's open gap (manager role), which stops its escalation")
    @ApiResponse(responseCode = "200", description = "The gap as it stands after the acknowledgement")
    @ApiResponse(responseCode = "404", description = "The seat has no open gap")
    GapView acknowledge(@Parameter(description = "The project's id") @PathVariable String projectId,
            @Parameter(description = "The slot's id within the project") @PathVariable String slotId,
            @Parameter(description = "The seat's number within the slot, from 1") @PathVariable int seat,
            @RequestBody(required = false) AcknowledgementRequest request, Principal principal) {
        String note = request == null ? null : request.note();
        if (note != null && note.length() > GapAcknowledgements.MAX_NOTE_LENGTH) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Field 'note' is " + note.length()
                    + " characters long; at most " + GapAcknowledgements.MAX_NOTE_LENGTH + " are allowed");
        }
        String seatKey = projectId + "/" + slotId + "/" + seat;
        String by = principal == null || principal.getName() == null ? ANONYMOUS : principal.getName();
        return acknowledgements.acknowledge(seatKey, by, note).map(GapView::of)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "Seat " + seatKey + " has no open gap to acknowledge"));
    }
}
