package dev.staffing.assignment.api;

import dev.staffing.assignment.alerts.GapAcknowledgements;
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
    GapView acknowledge(@PathVariable String projectId, @PathVariable String slotId, @PathVariable int seat,
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
