package dev.staffing.assignment.staffing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Decides every pool again at start and once a day ({@code staffing.gaps.redecide-cron}), so that what
 * a date brings (a departure or leave taking effect, a project coming within the horizon, a gap drawing
 * near) is acted on without waiting for a new event. Its outgoing events take their ids from the moment
 * of the run, so that two runs never share an id.
 */
@Component
class ScheduledRedecision {

    private static final Logger log = LoggerFactory.getLogger(ScheduledRedecision.class);

    private final JdbcClient jdbc;
    private final PoolRebalancer rebalancer;
    private final DecisionLock lock;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ScheduledRedecision(JdbcClient jdbc, PoolRebalancer rebalancer, DecisionLock lock,
            TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.rebalancer = rebalancer;
        this.lock = lock;
        this.transactions = transactions;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        redecideAll();
    }

    @Scheduled(cron = "${staffing.gaps.redecide-cron:0 5 0 * * *}", zone = "UTC")
    void daily() {
        redecideAll();
    }

    /** Returns how many pools were decided. */
    int redecideAll() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        List<String> pools = jdbc.sql("select pool from person union select pool from project"
                + " union select id from staffing_pool order by 1").query(String.class).list();
        for (String pool : pools) {
            lock.call(() -> transactions.execute(status -> rebalancer.rebalance(pool,
                    PoolChanges.ForPool.timeOnly("clock-" + now))));
        }
        log.info("Decided {} pools again for {}", pools.size(), today);
        return pools.size();
    }
}
