package dev.staffing.assignment.health;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/** Asks the database for a connection and checks that it works. */
@Component
public class DatabaseProbe {

    static final String DEPENDENCY = "database";

    private final DataSource dataSource;
    private final int timeoutSeconds;

    DatabaseProbe(DataSource dataSource, HealthProbeProperties properties) {
        this.dataSource = dataSource;
        this.timeoutSeconds = (int) Math.max(1, properties.timeout().toSeconds());
    }

    /** Blocks at most the pool's connection timeout plus the probe timeout. */
    public ProbeResult probe() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(timeoutSeconds) ? ProbeResult.reachable(DEPENDENCY, "a connection works")
                    : ProbeResult.unreachable(DEPENDENCY, "a connection was handed out but did not answer within "
                            + timeoutSeconds + " s");
        } catch (SQLException e) {
            return ProbeResult.unreachable(DEPENDENCY, e.toString());
        }
    }
}
