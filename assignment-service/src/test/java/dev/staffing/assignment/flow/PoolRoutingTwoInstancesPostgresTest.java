package dev.staffing.assignment.flow;

import java.util.Map;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Two routed instances on one PostgreSQL schema. Runs where STAFFING_TEST_POSTGRES_URL names a server (CI sets it
 * to the build machine's); skipped, with that said, elsewhere.
 */
@EnabledIfEnvironmentVariable(named = "STAFFING_TEST_POSTGRES_URL", matches = "jdbc:postgresql:.+",
        disabledReason = "STAFFING_TEST_POSTGRES_URL is not set: the PostgreSQL variant is skipped "
                + "(CI sets it to jdbc:postgresql://127.0.0.1:5432/test)")
class PoolRoutingTwoInstancesPostgresTest extends PoolRoutingTwoInstancesScenarios {

    @Override
    protected Map<String, Object> databaseProperties(String suffix) {
        return TestPostgresSchemas.properties(TestPostgresSchemas.name("routing", suffix));
    }
}
