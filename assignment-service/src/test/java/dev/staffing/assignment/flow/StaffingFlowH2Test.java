package dev.staffing.assignment.flow;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** The foundation's story on the zero-configuration database: embedded H2, in a file that outlives restarts. */
class StaffingFlowH2Test extends StaffingFlowScenarios {

    @TempDir
    Path databaseDir;

    @Override
    protected Map<String, Object> databaseProperties(String suffix) {
        return Map.of("spring.datasource.url", RunningService.h2FileUrl(databaseDir.resolve("staffing-" + suffix)));
    }
}
