package dev.staffing.assignment.flow;

import java.util.Map;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The gap lifecycle on a real PostgreSQL, each test in a schema of its own that its instances share. Runs
 * where STAFFING_TEST_POSTGRES_URL names a server; skipped, with that said, elsewhere.
 */
@EnabledIfEnvironmentVariable(named = "STAFFING_TEST_POSTGRES_URL", matches = "jdbc:postgresql:.+",
        disabledReason = "STAFFING_TEST_POSTGRES_URL is not set: the PostgreSQL gap lifecycle is skipped "
                + "(CI sets it to jdbc:postgresql://127.0.0.1:5432/test)")
class GapLifecyclePostgresTest extends GapLifecycleScenarios {

    @Override
    protected Map<String, Object> databaseProperties(String suffix) {
        return TestPostgresSchemas.properties(TestPostgresSchemas.name("gaps", suffix));
    }

    @Override
    protected void dropDatabase(String suffix) {
        TestPostgresSchemas.drop(TestPostgresSchemas.name("gaps", suffix));
    }
}
