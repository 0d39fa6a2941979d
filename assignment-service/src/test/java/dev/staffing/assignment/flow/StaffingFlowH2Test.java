package dev.staffing.assignment.flow;

import dev.staffing.assignment.support.SharedInfrastructure;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** The foundation's story on the zero-configuration database: embedded H2, in a file that outlives restarts. */
class StaffingFlowH2Test extends StaffingFlowScenarios {

    @TempDir
    Path databaseDir;

    @Override
    protected String bootstrapServers() {
        return SharedInfrastructure.get().bootstrapServers();
    }

    @Override
    protected String registryUrl() {
        return SharedInfrastructure.get().registryUrl();
    }

    @Override
    protected Map<String, Object> databaseProperties(String suffix) {
        return Map.of("spring.datasource.url", "jdbc:h2:file:" + databaseDir.resolve("staffing-" + suffix)
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE");
    }
}
