package dev.staffing.assignment.flow;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** The gap lifecycle on the zero-configuration database: embedded H2 in a file, shared by a test's instances. */
class GapLifecycleH2Test extends GapLifecycleScenarios {

    @TempDir
    Path databaseDir;

    @Override
    protected Map<String, Object> databaseProperties(String suffix) {
        return Map.of("spring.datasource.url", RunningService.h2FileUrl(databaseDir.resolve("staffing-" + suffix)));
    }
}
