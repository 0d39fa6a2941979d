package dev.staffing.assignment.ingest;

import dev.staffing.assignment.people.TagSet;
import dev.staffing.assignment.personas.PersonaCatalog;
import java.time.LocalDate;
import java.util.Collection;
import org.springframework.stereotype.Component;

/** Checks the rules an event must meet beyond its schema; a broken rule dead-letters the event. */
@Component
class EventValidation {

    // The widths of the columns these values are kept in (db/migration). A longer value could never be
    // stored: the batch would fail on every retry, so it is dead-lettered here instead.
    static final int MAX_ID = 100;
    static final int MAX_EVENT_ID = 200;
    static final int MAX_NAME = 300;
    static final int MAX_SKILLS = 4000;

    private final PersonaCatalog catalog;

    EventValidation(PersonaCatalog catalog) {
        this.catalog = catalog;
    }

    void requireId(String value, String field, String eventId) {
        if (value == null || value.isBlank()) {
            throw new InvalidEventException("MISSING_ID", field + " is blank in event " + eventId);
        }
        requireLength(value, MAX_ID, field, "event " + eventId);
    }

    /** The event id is the deduplication key: blank, every such event would count as a repeat of the first. */
    void requireEventId(String eventId) {
        if (eventId == null || eventId.isBlank()) {
            throw new InvalidEventException("MISSING_ID", "eventId is blank");
        }
        requireLength(eventId, MAX_EVENT_ID, "eventId", "this event");
    }

    /** Skills as they are stored: one comma-separated column. */
    void requireSkills(Collection<String> skills, String where) {
        requireLength(TagSet.of(skills).format(), MAX_SKILLS, "skills", where);
    }

    /** A name or a tag list as it will be stored; null passes. */
    void requireLength(String value, int max, String field, String where) {
        if (value != null && value.length() > max) {
            throw new InvalidEventException("FIELD_TOO_LONG", field + " has " + value.length()
                    + " characters, more than the " + max + " it can be stored with, in " + where);
        }
    }

    void requireKnownPersonas(Collection<String> personas, String where) {
        for (String persona : personas) {
            if (!catalog.contains(persona)) {
                throw new InvalidEventException("UNKNOWN_PERSONA", "unknown persona '" + persona + "' in " + where
                        + "; known: " + catalog.all().stream().map(p -> p.id()).toList());
            }
        }
    }

    /**
     * Returns the FTE in hundredths: within 0..1, or within (0, 1] when zero is not allowed (a seat's
     * allocation). Below zero, above one and NaN are invalid.
     */
    int fraction(double fte, boolean zeroAllowed, String field, String where) {
        boolean inRange = zeroAllowed ? fte >= 0 && fte <= 1.0 : fte > 0 && fte <= 1.0;
        if (!inRange) {
            throw new InvalidEventException("INVALID_FTE", field + " " + fte + " outside "
                    + (zeroAllowed ? "0..1" : "(0, 1]") + " in " + where);
        }
        return (int) Math.round(fte * 100);
    }

    void requireOrder(LocalDate from, LocalDate to, String what, String where) {
        if (to != null && from != null && to.isBefore(from)) {
            throw new InvalidEventException("END_BEFORE_START", what + " ends " + to + " before it starts " + from
                    + " in " + where);
        }
    }

    void requirePriority(int priority, String where) {
        if (priority < 1 || priority > 5) {
            throw new InvalidEventException("INVALID_PRIORITY", "priority " + priority + " outside 1..5 in " + where);
        }
    }
}
