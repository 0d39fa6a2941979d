package dev.staffing.assignment.flow;

import java.nio.file.Path;
import java.util.Map;

/** The HTTP API on the zero-configuration database: embedded H2 in PostgreSQL mode. */
class HttpApiH2Test extends HttpApiScenarios {

    @Override
    protected Map<String, Object> databaseProperties(Path directory) {
        return ApiFixture.h2(directory);
    }
}
