package dev.staffing.assignment.storage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * The scenarios of one store, run once per database kind: a subclass per kind (H2, PostgreSQL), each with a
 * fresh database and a small context of its own for all its tests, closed and dropped after them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class StoreScenarios {

    private final StoreDatabase.Kind kind;
    private final Class<?>[] components;
    protected StoreContext store;

    protected StoreScenarios(StoreDatabase.Kind kind, Class<?>... components) {
        this.kind = kind;
        this.components = components;
    }

    @BeforeAll
    void startStore() {
        store = StoreContext.start(StoreDatabase.fresh(kind, getClass().getEnclosingClass() == null ? getClass()
                : getClass().getEnclosingClass()), components);
    }

    @AfterAll
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }
}
