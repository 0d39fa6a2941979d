package dev.staffing.assignment.ingest;

import dev.staffing.assignment.personas.PersonaCatalog;
import java.time.LocalDate;
import java.util.Collection;
import org.springframework.stereotype.Component;

/** Checks the rules an event must meet beyond its schema; a broken rule dead-letters the event. */
@Component
class EventValidation {

    private final PersonaCatalog catalog;

    EventValidation(PersonaCatalog catalog) {
        this.catalog = catalog;
    }

    void requireId(String value, String field, String eventId) {
        if (value == null || value.isBlank()) {
            throw new InvalidEventException("MISSING_ID", field + " is blank in event " + eventId);
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

    /** Returns the FTE in hundredths. */
    int fraction(double fte, double lowestExclusive, String field, String where) {
        if (Double.isNaN(fte) || fte <= lowestExclusive || fte > 1.0) {
            throw new InvalidEventException("INVALID_FTE", field + " " + fte + " outside "
                    + (lowestExclusive < 0 ? "0..1" : "(0, 1]") + " in " + where);
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
