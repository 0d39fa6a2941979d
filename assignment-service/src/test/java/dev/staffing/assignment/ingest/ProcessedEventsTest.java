package dev.staffing.assignment.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.staffing.assignment.storage.EnabledIfTestPostgres;
import dev.staffing.assignment.storage.StoreContext;
import dev.staffing.assignment.storage.StoreDatabase;
import dev.staffing.assignment.storage.StoreScenarios;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

class ProcessedEventsTest {

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

    abstract static class Scenarios extends StoreScenarios {

        Scenarios(StoreDatabase.Kind kind) {
            super(kind, ProcessedEvents.class);
        }

        private ProcessedEvents processed() {
            return store.bean(ProcessedEvents.class);
        }

        private void add(List<String> eventIds) {
            store.inTransaction(() -> processed().addAll(eventIds));
        }

        @Test
        void addedIdsAreFoundAmongOthersWithTheTimeTheyWereStored() {
            add(List.of("seen-1", "seen-2"));

            assertThat(processed().alreadyProcessed(List.of("seen-1", "new-1", "seen-2", "new-2")))
                    .containsExactlyInAnyOrder("seen-1", "seen-2");
            assertThat(store.jdbc().sql("select processed_at from processed_event where event_id = 'seen-1'")
                    .query((rs, row) -> rs.getObject(1, OffsetDateTime.class).toInstant()).single())
                    .isEqualTo(StoreContext.NOW);
        }

        @Test
        void moreThanAThousandIdsAreStoredInOneBatchAndLookedUpInChunks() {
            List<String> stored = IntStream.range(0, 2_500).mapToObj(i -> "many-" + i).toList();
            add(stored);

            List<String> asked = new ArrayList<>(stored);
            IntStream.range(0, 600).mapToObj(i -> "never-" + i).forEach(asked::add);
            assertThat(processed().alreadyProcessed(asked)).hasSize(stored.size()).containsAll(stored);
        }

        @Test
        void nothingToAddOrLookUpTouchesNothing() {
            add(List.of());

            assertThat(processed().alreadyProcessed(List.of())).isEmpty();
        }

        @Test
        void anIdStoredTwiceFailsItsBatchAndKeepsNothingOfIt() {
            add(List.of("twice"));

            assertThatThrownBy(() -> add(List.of("first-of-failed", "twice")))
                    .isInstanceOf(DataIntegrityViolationException.class);

            assertThat(processed().alreadyProcessed(List.of("first-of-failed", "twice"))).containsExactly("twice");
        }
    }
}
