package dev.staffing.assignment.board;

/** What one stream client asked for; a null filter matches every alert. */
record GapStreamFilter(String persona, String pool, String projectId) {

    GapStreamFilter {
        persona = blankToNull(persona);
        pool = blankToNull(pool);
        projectId = blankToNull(projectId);
    }

    boolean matches(GapStreamEvent event) {
        return (persona == null || persona.equals(event.persona()))
                && (pool == null || pool.equals(event.pool()))
                && (projectId == null || projectId.equals(event.projectId()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
