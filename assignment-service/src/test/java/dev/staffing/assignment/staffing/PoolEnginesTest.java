package dev.staffing.assignment.staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.staffing.assignment.engine.EngineSettings;
import dev.staffing.assignment.engine.PoolSnapshot;
import dev.staffing.assignment.engine.StaffingPool;
import dev.staffing.assignment.storage.EnabledIfTestPostgres;
import dev.staffing.assignment.storage.StoreDatabase;
import dev.staffing.assignment.storage.StoreScenarios;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;

class PoolEnginesTest {

    @Nested
    class OnH2 extends Scenarios {
        OnH2() {
            super(StoreDatabase.Kind.H2);
        }
    }

    @Nested
    @EnabledIfTestPostgres
    class OnPostgres extends Scenarios {
        OnPostgres() {
            super(StoreDatabase.Kind.POSTGRES);
        }
    }

    /**
     * The pool engines without their snapshot reader: locking and deciding rows never read a pool's state. Not
     * a @Configuration: the service's component scan reaches test classes too, and would replace its engines.
     */
    static class PoolRows {

        @Bean
        PoolEngines poolEngines(JdbcClient jdbc, JdbcTemplate batches) {
            return new PoolEngines(jdbc, batches, null, SETTINGS, new DecisionLock());
        }
    }

    private static final EngineSettings SETTINGS = EngineSettings.unbounded();
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    /** The SQL states of a statement given up while it waited for a row lock: PostgreSQL's cancel, H2's timeout. */
    private static final Set<String> LOCK_WAIT_GIVEN_UP = Set.of("57014", "55P03", "HYT00");

    /** A pool row as stored. */
    record PoolRow(long nextOrder, long version) {
    }

    abstract static class Scenarios extends StoreScenarios {

        Scenarios(StoreDatabase.Kind kind) {
            super(kind, PoolRows.class);
        }

        private PoolEngines engines() {
            return store.bean(PoolEngines.class);
        }

        private static StaffingPool engineWithNextOrder(long nextOrder) {
            return StaffingPool.restore(new PoolSnapshot(TODAY, List.of(), List.of(), List.of(), List.of(), nextOrder),
                    SETTINGS);
        }

        private void insertPool(String pool, long nextOrder, long version) {
            store.jdbc().sql("insert into staffing_pool (id, next_order, version) values (?, ?, ?)")
                    .params(pool, nextOrder, version).update();
        }

        private Map<String, PoolRow> rows(Collection<String> pools) {
            Map<String, PoolRow> rows = new HashMap<>();
            store.jdbc().sql("select id, next_order, version from staffing_pool where id in (:ids)").param("ids", pools)
                    .query(rs -> {
                        rows.put(rs.getString(1), new PoolRow(rs.getLong(2), rs.getLong(3)));
                    });
            return rows;
        }

        /**
         * Whether another writer, on a connection of its own, is kept from changing these pools' rows: its update
         * waits for the locks until it is given up after a second.
         */
        private boolean lockedAgainstOthers(String... pools) throws SQLException {
            String marks = String.join(", ", Collections.nCopies(pools.length, "?"));
            try (Connection other = store.database().connect();
                    PreparedStatement update = other.prepareStatement(
                            "update staffing_pool set next_order = next_order where id in (" + marks + ")")) {
                update.setQueryTimeout(1);
                for (int i = 0; i < pools.length; i++) {
                    update.setString(i + 1, pools[i]);
                }
                update.executeUpdate();
                return false;
            } catch (SQLException e) {
                if (LOCK_WAIT_GIVEN_UP.contains(e.getSQLState())) {
                    return true;
                }
                throw e;
            }
        }

        @Test
        void lockingCreatesTheMissingPoolRowsAndLeavesTheOthersAsTheyAre() {
            insertPool("create-known", 42, 7);

            store.inTransaction(() -> {
                engines().lockAll(List.of("create-new-b", "create-known", "create-new-a"));
                engines().lockAll(List.of("create-known", "create-new-c"));
            });

            assertThat(rows(List.of("create-known", "create-new-a", "create-new-b", "create-new-c"))).isEqualTo(Map.of(
                    "create-known", new PoolRow(42, 7), "create-new-a", new PoolRow(1, 0),
                    "create-new-b", new PoolRow(1, 0), "create-new-c", new PoolRow(1, 0)));
        }

        @Test
        void lockedPoolRowsKeepOtherWritersOutUntilTheTransactionEnds() throws SQLException {
            insertPool("lock-a", 1, 0);
            insertPool("lock-free", 1, 0);
            List<Boolean> whileHeld = new ArrayList<>();

            store.inTransaction(() -> {
                engines().lockAll(List.of("lock-a", "lock-new"));
                try {
                    whileHeld.add(lockedAgainstOthers("lock-a"));
                    whileHeld.add(lockedAgainstOthers("lock-free"));
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });

            assertThat(whileHeld).as("lock-a, lock-free locked while the transaction held its locks")
                    .containsExactly(true, false);
            assertThat(lockedAgainstOthers("lock-a", "lock-new")).as("locked after commit").isFalse();
        }

        @Test
        void decidedPoolsRaiseTheirVersionAtCommitOncePerDecision() {
            insertPool("decide-a", 3, 0);
            insertPool("decide-b", 5, 4);
            insertPool("decide-c", 8, 2);
            List<String> pools = List.of("decide-a", "decide-b", "decide-c");
            List<Map<String, PoolRow>> beforeCommit = new ArrayList<>();

            store.inTransaction(() -> {
                engines().lockAll(pools);
                engines().decided("decide-a", engineWithNextOrder(7));
                engines().decided("decide-b", engineWithNextOrder(9));
                engines().decided("decide-b", engineWithNextOrder(11));
                beforeCommit.add(rows(pools));
            });

            assertThat(beforeCommit).containsExactly(Map.of("decide-a", new PoolRow(3, 0),
                    "decide-b", new PoolRow(5, 4), "decide-c", new PoolRow(8, 2)));
            assertThat(rows(pools)).isEqualTo(Map.of("decide-a", new PoolRow(7, 1), "decide-b", new PoolRow(11, 6),
                    "decide-c", new PoolRow(8, 2)));
        }

        @Test
        void aDecisionThatRollsBackRaisesNothingAndCreatesNothing() {
            insertPool("rollback-a", 3, 1);

            store.transactions().executeWithoutResult(status -> {
                engines().lockAll(List.of("rollback-a", "rollback-new"));
                engines().decided("rollback-a", engineWithNextOrder(12));
                engines().decided("rollback-new", engineWithNextOrder(2));
                status.setRollbackOnly();
            });

            assertThat(rows(List.of("rollback-a", "rollback-new"))).isEqualTo(Map.of("rollback-a", new PoolRow(3, 1)));
        }

        @Test
        void moreThanAThousandPoolsAreLockedCreatedAndRaisedTogether() throws SQLException {
            List<String> pools = IntStream.range(0, 1_500).mapToObj(i -> String.format("many-%04d", i)).toList();
            insertPool("many-0000", 20, 3);
            insertPool("many-1499", 1, 0);
            StaffingPool engine = engineWithNextOrder(30);
            List<Boolean> whileHeld = new ArrayList<>();

            store.inTransaction(() -> {
                engines().lockAll(pools);
                pools.forEach(pool -> engines().decided(pool, engine));
                try {
                    // The first and the last pool: the first and the last statement of the chunked lock.
                    whileHeld.add(lockedAgainstOthers("many-0000"));
                    whileHeld.add(lockedAgainstOthers("many-1499"));
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });

            assertThat(whileHeld).containsExactly(true, true);
            Map<String, PoolRow> rows = rows(pools);
            assertThat(rows).hasSize(pools.size());
            assertThat(rows.get("many-0000")).isEqualTo(new PoolRow(30, 4));
            assertThat(rows.entrySet().stream().filter(row -> !row.getKey().equals("many-0000"))
                    .map(Map.Entry::getValue).collect(Collectors.toSet())).containsExactly(new PoolRow(30, 1));
        }

        @Test
        void lockingAndDecidingNeedTheCallersTransaction() {
            assertThatThrownBy(() -> engines().lockAll(List.of("no-tx")))
                    .isInstanceOf(IllegalTransactionStateException.class);
            assertThatThrownBy(() -> engines().decided("no-tx", engineWithNextOrder(2)))
                    .isInstanceOf(IllegalTransactionStateException.class);
        }
    }
}
