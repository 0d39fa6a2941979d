package dev.staffing.assignment.staffing;

import dev.staffing.assignment.engine.EngineSettings;
import dev.staffing.assignment.engine.Gap;
import dev.staffing.assignment.engine.SeatKey;
import dev.staffing.assignment.engine.StaffingPool;
import dev.staffing.assignment.storage.IdChunks;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
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
    private final JdbcTemplate batches;
    private final PoolSnapshotReader reader;
    private final EngineSettings settings;
    private final DecisionLock lock;
    private final Map<String, Loaded> loaded = new ConcurrentHashMap<>();

    PoolEngines(JdbcClient jdbc, JdbcTemplate batches, PoolSnapshotReader reader, EngineSettings settings,
            DecisionLock lock) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.reader = reader;
        this.settings = settings;
        this.lock = lock;
    }

    private record Loaded(StaffingPool engine, long version) {
    }

    /**
     * Locks the rows of these pools for this transaction, in id order, creating those that are missing: one
     * statement for all the pools a batch decides, rather than one per pool.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lockAll(Collection<String> pools) {
        Decisions decisions = decisions();
        List<String> wanted = pools.stream().filter(pool -> !decisions.rows.containsKey(pool)).sorted().toList();
        if (wanted.isEmpty()) {
            return;
        }
        Map<String, Row> found = selectForUpdate(wanted);
        if (found.size() < wanted.size()) {
            List<Object[]> missing = wanted.stream().filter(pool -> !found.containsKey(pool))
                    .map(pool -> new Object[] {pool}).toList();
            batches.batchUpdate("insert into staffing_pool (id, next_order, version) values (?, 1, 0)"
                    + " on conflict do nothing", missing);
            found.putAll(selectForUpdate(wanted));
        }
        decisions.rows.putAll(found);
    }

    private Map<String, Row> selectForUpdate(List<String> pools) {
        Map<String, Row> rows = new HashMap<>();
        IdChunks.readAll(pools, chunk -> jdbc.sql("select id, next_order, version from staffing_pool"
                + " where id = any(?) order by id for update").param(chunk)
                .query((rs, row) -> Map.entry(rs.getString(1), new Row(rs.getLong(2), rs.getLong(3)))).list())
                .forEach(row -> rows.put(row.getKey(), row.getValue()));
        return rows;
    }

    /** Locks the pool for this transaction and returns its engine, rebuilt from the database if out of date. */
    @Transactional(propagation = Propagation.MANDATORY)
    StaffingPool lockForDecision(String pool, LocalDate today) {
        lockAll(List.of(pool));
        Row row = decisions().rows.get(pool);
        Loaded current = loaded.get(pool);
        if (current != null && current.version() == row.version()) {
            return current.engine();
        }
        long start = System.nanoTime();
        StaffingPool engine = StaffingPool.restore(reader.read(pool, today, row.nextOrder()), settings);
        loaded.put(pool, new Loaded(engine, row.version()));
        log.info("Rebuilt pool {} from the database in {} ms ({} holdings, {} open gaps{})", pool,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), engine.holdings().size(),
                engine.gaps().size(), current == null ? "" : ", another instance had decided it since");
        return engine;
    }

    /**
     * Records that the pool was decided in this transaction: its row's version rises and its next order is
     * stored, for all the transaction's pools in one batch just before it commits.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void decided(String pool, StaffingPool engine) {
        decisions().decided.merge(pool, new Decided(engine.nextOrder(), 1),
                (earlier, later) -> new Decided(later.nextOrder(), earlier.times() + 1));
        Loaded current = loaded.get(pool);
        loaded.put(pool, new Loaded(engine, current == null ? 0 : current.version() + 1));
    }

    /**
     * The pool rows this transaction holds and the pools it decided. When it does not commit, the engines it
     * touched are dropped, to be rebuilt from the database on next use.
     */
    private Decisions decisions() {
        Decisions decisions = (Decisions) TransactionSynchronizationManager.getResource(this);
        if (decisions != null) {
            return decisions;
        }
        Decisions fresh = new Decisions();
        TransactionSynchronizationManager.bindResource(this, fresh);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                if (!fresh.decided.isEmpty()) {
                    batches.batchUpdate("update staffing_pool set version = version + ?, next_order = ? where id = ?",
                            fresh.decided.entrySet().stream().map(pool -> new Object[] {pool.getValue().times(),
                                    pool.getValue().nextOrder(), pool.getKey()}).toList());
                }
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(PoolEngines.this);
                if (status != STATUS_COMMITTED) {
                    fresh.rows.keySet().forEach(loaded::remove);
                }
            }
        });
        return fresh;
    }

    private static final class Decisions {
        private final Map<String, Row> rows = new HashMap<>();
        private final Map<String, Decided> decided = new TreeMap<>();
    }

    private record Decided(long nextOrder, int times) {
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
