package dev.staffing.assignment.flow;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The HTTP API on a real PostgreSQL, in a schema of its own: the paging and filtering SQL runs there as on
 * H2. Runs where STAFFING_TEST_POSTGRES_URL names a server; skipped, with that said, elsewhere.
 */
@EnabledIfEnvironmentVariable(named = "STAFFING_TEST_POSTGRES_URL", matches = "jdbc:postgresql:.+",
        disabledReason = "STAFFING_TEST_POSTGRES_URL is not set: the HTTP API on PostgreSQL is skipped "
                + "(CI sets it to jdbc:postgresql://127.0.0.1:5432/test)")
class HttpApiPostgresTest extends HttpApiScenarios {

    @Override
    protected Map<String, Object> databaseProperties(Path directory) {
        return ApiFixture.postgres();
    }
}
