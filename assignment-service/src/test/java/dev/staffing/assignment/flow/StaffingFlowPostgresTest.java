package dev.staffing.assignment.flow;

import java.util.Map;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The foundation's story on a real PostgreSQL, each test in a schema of its own. Runs where
 * STAFFING_TEST_POSTGRES_URL names a server (CI sets it to the build machine's); skipped, with that
 * said, elsewhere.
 */
@EnabledIfEnvironmentVariable(named = "STAFFING_TEST_POSTGRES_URL", matches = "jdbc:postgresql:.+",
        disabledReason = "STAFFING_TEST_POSTGRES_URL is not set: the PostgreSQL flow is skipped "
                + "(CI sets it to jdbc:postgresql://127.0.0.1:5432/test)")
class StaffingFlowPostgresTest extends StaffingFlowScenarios {

    @Override
    protected Map<String, Object> databaseProperties(String suffix) {
        return TestPostgresSchemas.properties(TestPostgresSchemas.name("flow", suffix));
    }

    @Override
    protected void dropDatabase(String suffix) {
        TestPostgresSchemas.drop(TestPostgresSchemas.name("flow", suffix));
    }
}
