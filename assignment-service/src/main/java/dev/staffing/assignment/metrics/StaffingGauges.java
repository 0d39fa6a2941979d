package dev.staffing.assignment.metrics;

import dev.staffing.assignment.health.OutageLog;
import dev.staffing.assignment.personas.Persona;
import dev.staffing.assignment.personas.PersonaCatalog;
import dev.staffing.events.GapSeverity;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The staffing state as gauges, read from the database (so right across restarts and instances) on a
 * schedule, with one grouped count each, never per scrape.
 * <ul>
 * <li>{@value #OPEN_GAPS}{persona, severity}: the open gaps, future ones (a departure or leave ahead)
 * included; every persona of the catalog at every severity is exported, at 0 when it has none, and a persona
 * outside the catalog while it has gaps.</li>
 * <li>{@value #SEATS}{state}: {@code filled} is the seats with a holder now (the assignments);
 * {@code unfilled} the seats with no holder now and an open gap. A seat whose holder leaves ahead counts as
 * filled until then, and a project's seat that nobody is looked for yet (its start is far ahead) is in
 * neither.</li>
 * </ul>
 */
@Component
class StaffingGauges {

    static final String OPEN_GAPS = "staffing.gaps.open";
    static final String SEATS = "staffing.seats";

    private static final Logger log = LoggerFactory.getLogger(StaffingGauges.class);

    private final JdbcClient jdbc;
    private final PersonaCatalog catalog;
    private final MultiGauge openGaps;
    private final AtomicLong filled = new AtomicLong();
    private final AtomicLong unfilled = new AtomicLong();
    private final OutageLog outage = new OutageLog(log, "Staffing gauges refresh");

    StaffingGauges(JdbcClient jdbc, PersonaCatalog catalog, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.openGaps = MultiGauge.builder(OPEN_GAPS)
                .description("Open gaps by the persona their seat asks for and their severity")
                .register(registry);
        Gauge.builder(SEATS, filled, AtomicLong::get).tag("state", "filled")
                .description("Seats with a holder now (filled) or without one and with an open gap (unfilled)")
                .register(registry);
        Gauge.builder(SEATS, unfilled, AtomicLong::get).tag("state", "unfilled")
                .description("Seats with a holder now (filled) or without one and with an open gap (unfilled)")
                .register(registry);
        publishOpenGaps(Map.of());
    }

    @Scheduled(fixedDelayString = "${staffing.metrics.refresh-interval:10s}")
    void refresh() {
        try {
            Map<List<String>, Long> counts = new LinkedHashMap<>();
            jdbc.sql("select persona, severity, count(*) from open_gap group by persona, severity")
                    .query(rs -> {
                        counts.put(List.of(rs.getString(1), rs.getString(2)), rs.getLong(3));
                    });
            publishOpenGaps(counts);
            jdbc.sql("""
                    select (select count(*) from assignment) as filled,
                        (select count(*) from open_gap g
                            where not exists (select 1 from assignment a where a.seat_key = g.seat_key)) as unfilled
                    """).query(rs -> {
                        filled.set(rs.getLong("filled"));
                        unfilled.set(rs.getLong("unfilled"));
                    });
            outage.worked();
        } catch (DataAccessException e) {
            outage.failed(e, "the gauges keep their last values");
        }
    }

    private void publishOpenGaps(Map<List<String>, Long> counts) {
        Map<List<String>, Long> rows = new LinkedHashMap<>();
        for (Persona persona : catalog.all()) {
            for (GapSeverity severity : GapSeverity.values()) {
                rows.put(List.of(persona.id(), severity.name()), 0L);
            }
        }
        rows.putAll(counts);
        List<MultiGauge.Row<?>> gauges = new ArrayList<>();
        rows.forEach((key, count) -> gauges.add(MultiGauge.Row.of(Tags.of("persona", key.get(0), "severity",
                key.get(1)), count)));
        // Overwrite: a persona outside the catalog whose gaps all closed is no longer exported.
        openGaps.register(gauges, true);
    }
}
