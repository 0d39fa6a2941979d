package dev.staffing.assignment.alerts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes a staffing pool's decision lock for the caller's transaction: its {@code staffing_pool} row, which
 * every decision about the pool holds for its whole transaction (see {@code staffing.PoolEngines}), on
 * every instance. A change to an open gap made under it therefore never interleaves with a decision that
 * reads and rewrites the same gap, nor with the same change made by another instance.
 */
@Component
class PoolDecisionLock {

    private final JdbcClient jdbc;

    PoolDecisionLock(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Waits until no decision about {@code pool} runs, then holds it off until this transaction ends. */
    @Transactional(propagation = Propagation.MANDATORY)
    void lock(String pool) {
        // A pool with open gaps has been decided, so its row exists; without it there is no decision to wait for.
        jdbc.sql("select version from staffing_pool where id = :id for update").param("id", pool)
                .query(Long.class).optional();
    }
}
