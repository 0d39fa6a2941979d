package dev.staffing.probe;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A test-only endpoint that takes a JSON body, so that a test can send a malformed one; added to a running
 * service as an extra source (this package is outside the application's component scan).
 */
@RestController
public class JsonBodyProbe {

    /** A body with one field. */
    public record Note(String text) {
    }

    @PostMapping("/test/notes")
    Note echo(@RequestBody Note note) {
        return note;
    }
}
