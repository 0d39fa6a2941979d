package dev.staffing.assignment.flow;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** Two routed instances on one embedded H2 database (both in this JVM, so both open the same file). */
class PoolRoutingTwoInstancesH2Test extends PoolRoutingTwoInstancesScenarios {

    @TempDir
    Path databaseDir;

    @Override
    protected Map<String, Object> databaseProperties(String suffix) {
        return Map.of("spring.datasource.url", RunningService.h2FileUrl(databaseDir.resolve("shared-" + suffix)));
    }
}
