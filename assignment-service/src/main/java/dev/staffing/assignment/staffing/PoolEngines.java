package dev.staffing.assignment.staffing;

import dev.staffing.assignment.engine.EngineSettings;
import dev.staffing.assignment.engine.Gap;
import dev.staffing.assignment.engine.SeatKey;
import dev.staffing.assignment.engine.StaffingPool;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The engines of the staffing pools this instance has decided, kept in memory between events. The
 * database stays the record: each pool's row is locked for the length of a decision (one writer per
 * pool, across instances) and its version rises with every decision, so a copy that another instance
 * has since overtaken is rebuilt from the database before it decides again. A decision whose
 * transaction rolls back drops the copy, which is rebuilt on next use.
 */
@Component
public class PoolEngines {

    private static final Logger log = LoggerFactory.getLogger(PoolEngines.class);

    private final JdbcClient jdbc;
    private final PoolSnapshotReader reader;
    private final EngineSettings settings;
    private final DecisionLock lock;
    private final Map<String, Loaded> loaded = new ConcurrentHashMap<>();

    PoolEngines(JdbcClient jdbc, PoolSnapshotReader reader, EngineSettings settings, DecisionLock lock) {
        this.jdbc = jdbc;
        this.reader = reader;
        this.settings = settings;
        this.lock = lock;
    }

    private record Loaded(StaffingPool engine, long version) {
    }

    /** Locks the pool for this transaction and returns its engine, rebuilt from the database if out of date. */
    @Transactional(propagation = Propagation.MANDATORY)
    StaffingPool lockForDecision(String pool, LocalDate today) {
        jdbc.sql("insert into staffing_pool (id, next_order, version) values (:id, 1, 0) on conflict do nothing")
                .param("id", pool).update();
        Row row = jdbc.sql("select next_order, version from staffing_pool where id = :id for update")
                .param("id", pool).query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2))).single();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    loaded.remove(pool);
                }
            }
        });
        Loaded current = loaded.get(pool);
        if (current != null && current.version() == row.version()) {
            return current.engine();
        }
        long start = System.nanoTime();
        StaffingPool engine = StaffingPool.restore(reader.read(pool, today, row.nextOrder()), settings);
        loaded.put(pool, new Loaded(engine, row.version()));
        log.info("Rebuilt pool {} from the database in {} ms ({} holdings, {} open gaps{})", pool,
                (System.nanoTime() - start) / 1_000_000, engine.holdings().size(), engine.gaps().size(),
                current == null ? "" : ", another instance had decided it since");
        return engine;
    }

    /** Records that the pool was decided in this transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    void decided(String pool, StaffingPool engine) {
        jdbc.sql("update staffing_pool set version = version + 1, next_order = :next where id = :id")
                .param("next", engine.nextOrder()).param("id", pool).update();
        Loaded current = loaded.get(pool);
        loaded.put(pool, new Loaded(engine, current == null ? 0 : current.version() + 1));
    }

    /**
     * A seat's gap explained as things stand now, where this instance holds the pool's engine and no
     * decision keeps it busy for long; empty otherwise (the stored explanation, as of the gap's last alert,
     * is then the answer).
     */
    public Optional<Gap> explainNow(String pool, SeatKey seat) {
        return lock.tryCall(Duration.ofMillis(50), () -> {
            Loaded current = loaded.get(pool);
            return current == null ? Optional.empty() : current.engine().explain(seat);
        });
    }

    private record Row(long nextOrder, long version) {
    }
}
