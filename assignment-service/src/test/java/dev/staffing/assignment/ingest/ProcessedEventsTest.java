package dev.staffing.assignment.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.staffing.assignment.storage.DatabaseKind;
import dev.staffing.assignment.storage.EnabledIfTestPostgres;
import dev.staffing.assignment.storage.StoreContext;
import dev.staffing.assignment.storage.StoreDatabase;
import dev.staffing.assignment.storage.StoreScenarios;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

class ProcessedEventsTest {

    @Test
    void aRetentionOrCleanupIntervalOfZeroIsRefusedWithTheSettingsNamed() {
        assertThatThrownBy(() -> new ProcessedIdsProperties(Duration.ZERO, Duration.ofMinutes(10), 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("staffing.ingest.processed-ids.retention");
    }

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
            super(kind, ProcessedEvents.class, DatabaseKind.class);
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
        void idsStoredBeforeTheCutoffAreForgottenChunkByChunkAndLaterOnesKept() {
            add(List.of("kept-1", "kept-2"));
            for (int day = 1; day <= 5; day++) {
                store.jdbc().sql("insert into processed_event (event_id, processed_at) values (?, ?)")
                        .param("old-" + day).param(Timestamp.from(StoreContext.NOW.minus(Duration.ofDays(7 + day))))
                        .update();
            }
            store.jdbc().sql("insert into processed_event (event_id, processed_at) values (?, ?)")
                    .param("at-cutoff").param(Timestamp.from(StoreContext.NOW.minus(Duration.ofDays(7)))).update();

            long forgotten = processed().forgetStoredBefore(StoreContext.NOW.minus(Duration.ofDays(7)), 2);

            assertThat(forgotten).isEqualTo(5);
            assertThat(processed().alreadyProcessed(List.of("kept-1", "kept-2", "at-cutoff", "old-1", "old-2", "old-3",
                    "old-4", "old-5"))).containsExactlyInAnyOrder("kept-1", "kept-2", "at-cutoff");
            assertThat(processed().forgetStoredBefore(StoreContext.NOW.minus(Duration.ofDays(7)), 2)).isZero();
        }

        @Test
        void theCleanupForgetsWhatIsOlderThanTheRetention() {
            add(List.of("today"));
            store.jdbc().sql("insert into processed_event (event_id, processed_at) values (?, ?)")
                    .param("last-month").param(Timestamp.from(StoreContext.NOW.minus(Duration.ofDays(30)))).update();
            store.jdbc().sql("insert into processed_event (event_id, processed_at) values (?, ?)")
                    .param("yesterday").param(Timestamp.from(StoreContext.NOW.minus(Duration.ofDays(1)))).update();
            ProcessedEventRetention retention = new ProcessedEventRetention(processed(),
                    new ProcessedIdsProperties(Duration.ofDays(7), Duration.ofMinutes(10), 10_000),
                    Clock.fixed(StoreContext.NOW, ZoneOffset.UTC));

            retention.forgetExpired();

            assertThat(processed().alreadyProcessed(List.of("today", "last-month", "yesterday")))
                    .containsExactlyInAnyOrder("today", "yesterday");
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
