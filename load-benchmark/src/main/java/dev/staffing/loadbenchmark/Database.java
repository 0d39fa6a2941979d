package dev.staffing.loadbenchmark;

import java.util.List;
import java.util.Locale;

/** The database a run gives the service: its embedded H2 file, or a fresh schema on a PostgreSQL server. */
enum Database {
    H2,
    POSTGRES;

    static List<Database> parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "h2" -> List.of(H2);
            case "postgres", "postgresql" -> List.of(POSTGRES);
            case "both" -> List.of(H2, POSTGRES);
            default -> throw new IllegalArgumentException("--database " + text + ": expected h2, postgres or both");
        };
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
