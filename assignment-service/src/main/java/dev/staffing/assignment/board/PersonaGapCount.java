package dev.staffing.assignment.board;

import dev.staffing.events.GapSeverity;
import java.util.Comparator;

/**
 * How many gaps of one persona are open, by severity.
 *
 * @param criticality the persona's criticality in the catalog; a CRITICAL persona with critical gaps leads the
 *     board
 */
record PersonaGapCount(String persona, String name, String criticality, int critical, int high, int medium,
        int low) {

    /**
     * The board's order: a critical persona (Security Engineer by default) with critical gaps first, then the most
     * severe, then the most gaps, then by name.
     */
    static final Comparator<PersonaGapCount> BOARD_ORDER = Comparator
            .comparing(PersonaGapCount::leadsTheBoard).reversed()
            .thenComparing(Comparator.comparingInt(PersonaGapCount::critical).reversed())
            .thenComparing(Comparator.comparingInt(PersonaGapCount::high).reversed())
            .thenComparing(Comparator.comparingInt(PersonaGapCount::medium).reversed())
            .thenComparing(Comparator.comparingInt(PersonaGapCount::total).reversed())
            .thenComparing(PersonaGapCount::name);

    int total() {
        return critical + high + medium + low;
    }

    boolean leadsTheBoard() {
        return "CRITICAL".equals(criticality) && critical > 0;
    }

    PersonaGapCount plus(GapSeverity severity) {
        return switch (severity) {
            case CRITICAL -> new PersonaGapCount(persona, name, criticality, critical + 1, high, medium, low);
            case HIGH -> new PersonaGapCount(persona, name, criticality, critical, high + 1, medium, low);
            case MEDIUM -> new PersonaGapCount(persona, name, criticality, critical, high, medium + 1, low);
            case LOW -> new PersonaGapCount(persona, name, criticality, critical, high, medium, low + 1);
        };
    }
}
