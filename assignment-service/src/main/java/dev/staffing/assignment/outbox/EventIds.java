package dev.staffing.assignment.outbox;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Stable ids for outgoing events: a name-based UUID of what the event says and the input event that
 * caused it, so that reprocessing the same input after a crash yields the same ids and downstream
 * consumers can dedupe.
 */
public final class EventIds {

    private EventIds() {
    }

    public static String of(String... parts) {
        return UUID.nameUUIDFromBytes(String.join("|", parts).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
