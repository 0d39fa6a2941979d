package dev.staffing.assignment.ingest;

import java.util.Locale;

/**
 * What ingest did with one input event; the {@code outcome} tag of {@link IngestMetrics#EVENTS}.
 * A parked event has two outcomes over its life: PARKED when it arrives, then UNPARKED, STALE or
 * DEAD_LETTERED when its entity appears.
 */
enum IngestOutcome {

    /** Applied as it arrived. */
    APPLIED,
    /** Applied from parking, once its person or project appeared. */
    UNPARKED,
    /** Its event id was applied before; skipped. */
    DUPLICATE,
    /** Its sequence is at or below the last applied one of its entity; skipped. */
    STALE,
    /** Its person or project is not known yet; kept until it is. */
    PARKED,
    /** Undecodable or invalid; sent to the dead-letter topic. */
    DEAD_LETTERED;

    /** The metric tag value: the name in lower case. */
    String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
