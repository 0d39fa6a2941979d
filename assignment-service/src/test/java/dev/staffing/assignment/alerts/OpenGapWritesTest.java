package dev.staffing.assignment.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.staffing.assignment.storage.DatabaseKind;
import dev.staffing.assignment.storage.EnabledIfTestPostgres;
import dev.staffing.assignment.storage.StoreDatabase;
import dev.staffing.assignment.storage.StoreScenarios;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.dao.OptimisticLockingFailureException;

class OpenGapWritesTest {

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

        private static final Instant OPENED = Instant.parse("2026-03-01T08:00:00.250Z");

        Scenarios(StoreDatabase.Kind kind) {
            super(kind, DatabaseKind.class);
        }

        /** A new gap, unacknowledged and not escalated: its nullable columns null. */
        private static OpenGap gap(String project, int seat) {
            return new OpenGap(project + "/backend/" + seat, "pool-1", project, "backend", seat, "backend-engineer",
                    "HIGH", "NO_CANDIDATE", "no one free", LocalDate.of(2026, 4, 1), OPENED,
                    "p-1: on leave\np-2: lacks java", "", null, null, null, 0, null, null);
        }

        private static OpenGap acknowledgedAndEscalated(OpenGap gap) {
            return gap.withAcknowledgement("manager", Instant.parse("2026-03-01T09:30:00.5Z"), "on it")
                    .withEscalation(2, Instant.parse("2026-03-01T10:00:00Z"));
        }

        /** Flushes whatever {@code work} saves and deletes in one transaction; returns what the saves returned. */
        private List<OpenGap> flush(Function<OpenGapWrites, List<OpenGap>> work) {
            OpenGapWrites writes = new OpenGapWrites();
            List<OpenGap> saved = work.apply(writes);
            store.inTransaction(() -> writes.flush(store.jdbcTemplate(), store.bean(DatabaseKind.class)));
            return saved;
        }

        private List<OpenGap> save(Collection<OpenGap> gaps) {
            return flush(writes -> gaps.stream().map(writes::save).toList());
        }

        @Test
        void savedGapsReadBackEqualAtVersionZeroWithNullableColumnsNullOrSet() {
            OpenGap bare = gap("rt", 1);
            OpenGap handled = acknowledgedAndEscalated(gap("rt", 2));

            List<OpenGap> saved = save(List.of(bare, handled));

            assertThat(saved).containsExactly(atVersion(bare, 0), atVersion(handled, 0));
            assertThat(read("rt")).isEqualTo(Map.of(bare.seatKey(), atVersion(bare, 0), handled.seatKey(),
                    atVersion(handled, 0)));
        }

        @Test
        void anUpdateStoresTheChangesRaisesTheVersionByOneAndClearsColumnsSetToNull() {
            save(List.of(acknowledgedAndEscalated(gap("up", 1))));
            OpenGap read = read("up").get("up/backend/1");
            OpenGap cleared = new OpenGap(read.seatKey(), read.pool(), read.projectId(), read.slotId(), read.seat(),
                    read.persona(), "CRITICAL", "PERSON_DEPARTED", "p-1 leaves", LocalDate.of(2026, 3, 20),
                    read.openedAt(), "", "hire one", null, null, null, 0, null, read.version());

            List<OpenGap> saved = save(List.of(cleared));

            assertThat(saved).containsExactly(atVersion(cleared, 1));
            assertThat(read("up")).containsExactly(Map.entry(cleared.seatKey(), atVersion(cleared, 1)));
        }

        @Test
        void deletedGapsAreGone() {
            save(List.of(gap("del", 1), gap("del", 2)));
            OpenGap first = read("del").get("del/backend/1");

            flush(writes -> {
                writes.delete(first);
                return List.of();
            });

            assertThat(read("del")).containsOnlyKeys("del/backend/2");
        }

        @Test
        void aSeatResolvedAndOpenedAgainInOneFlushStartsAfresh() {
            save(List.of(acknowledgedAndEscalated(gap("again", 1))));
            OpenGap resolved = read("again").get("again/backend/1");
            OpenGap reopened = gap("again", 1);

            flush(writes -> {
                writes.delete(resolved);
                return List.of(writes.save(reopened));
            });

            assertThat(read("again")).containsExactly(Map.entry(reopened.seatKey(), atVersion(reopened, 0)));
        }

        @Test
        void aFlushWritesItsRowsOnceAndStartsEmptyAgain() {
            OpenGapWrites writes = new OpenGapWrites();
            writes.save(gap("once", 1));
            store.inTransaction(() -> writes.flush(store.jdbcTemplate(), store.bean(DatabaseKind.class)));
            store.inTransaction(() -> writes.flush(store.jdbcTemplate(), store.bean(DatabaseKind.class)));

            assertThat(read("once")).containsOnlyKeys("once/backend/1");
        }

        @Test
        void moreThanAThousandGapsAreInsertedUpdatedAndDeletedInBatches() {
            List<OpenGap> gaps = IntStream.rangeClosed(1, 2_100).mapToObj(seat -> gap("many", seat)).toList();
            save(gaps);
            Map<String, OpenGap> stored = read("many");
            assertThat(stored).hasSize(gaps.size());

            flush(writes -> {
                stored.values().stream().filter(gap -> gap.seat() % 2 == 0).forEach(writes::delete);
                return stored.values().stream().filter(gap -> gap.seat() % 2 == 1)
                        .map(gap -> writes.save(gap.withSeverity("LOW"))).toList();
            });

            Map<String, OpenGap> after = read("many");
            assertThat(after).hasSize(1_050);
            assertThat(after.values()).allSatisfy(gap -> {
                assertThat(gap.seat() % 2).as("seat of %s", gap.seatKey()).isOne();
                assertThat(gap).extracting(OpenGap::severity, OpenGap::version).containsExactly("LOW", 1L);
            });
        }

        @Test
        void aGapChangedBehindTheWritersBackFailsTheUpdateNamingTheSeat() {
            save(List.of(gap("race-up", 1), gap("race-up", 2)));
            Map<String, OpenGap> read = read("race-up");
            store.jdbc().sql("update open_gap set severity = 'LOW', version = version + 1"
                    + " where seat_key = 'race-up/backend/2'").update();

            assertThatThrownBy(() -> save(List.of(read.get("race-up/backend/1").withSeverity("CRITICAL"),
                    read.get("race-up/backend/2").withSeverity("CRITICAL"), gap("race-up", 3))))
                    .isInstanceOf(OptimisticLockingFailureException.class)
                    .hasMessageContaining("open gap race-up/backend/2 ")
                    .hasMessageContaining("(version 0) was changed by another writer");

            Map<String, OpenGap> after = read("race-up");
            assertThat(after).containsOnlyKeys("race-up/backend/1", "race-up/backend/2");
            assertThat(after.get("race-up/backend/1")).isEqualTo(read.get("race-up/backend/1"));
            assertThat(after.get("race-up/backend/2").severity()).isEqualTo("LOW");
        }

        @Test
        void aGapChangedBehindTheWritersBackFailsTheDeleteNamingTheSeat() {
            save(List.of(gap("race-del", 1)));
            OpenGap read = read("race-del").get("race-del/backend/1");
            store.jdbc().sql("update open_gap set version = version + 1 where seat_key = 'race-del/backend/1'")
                    .update();

            assertThatThrownBy(() -> flush(writes -> {
                writes.delete(read);
                return List.of();
            })).isInstanceOf(OptimisticLockingFailureException.class)
                    .hasMessageContaining("open gap race-del/backend/1 ");

            assertThat(read("race-del")).containsOnlyKeys("race-del/backend/1");
        }

        private Map<String, OpenGap> read(String project) {
            return store.jdbc().sql("select * from open_gap where project_id = ?").param(project)
                    .query(Scenarios::row).list().stream()
                    .collect(Collectors.toMap(OpenGap::seatKey, gap -> gap));
        }

        private static OpenGap row(ResultSet rs, int row) throws SQLException {
            return new OpenGap(rs.getString("seat_key"), rs.getString("pool"), rs.getString("project_id"),
                    rs.getString("slot_id"), rs.getInt("seat"), rs.getString("persona"), rs.getString("severity"),
                    rs.getString("reason"), rs.getString("detail"), rs.getObject("effective_date", LocalDate.class),
                    instant(rs, "opened_at"), rs.getString("candidates"), rs.getString("suggestion"),
                    rs.getString("acknowledged_by"), instant(rs, "acknowledged_at"),
                    rs.getString("acknowledgement_note"), rs.getInt("escalation_level"), instant(rs, "escalated_at"),
                    rs.getLong("version"));
        }

        private static Instant instant(ResultSet rs, String column) throws SQLException {
            OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
            return value == null ? null : value.toInstant();
        }

        private static OpenGap atVersion(OpenGap gap, long version) {
            return new OpenGap(gap.seatKey(), gap.pool(), gap.projectId(), gap.slotId(), gap.seat(), gap.persona(),
                    gap.severity(), gap.reason(), gap.detail(), gap.effectiveDate(), gap.openedAt(), gap.candidates(),
                    gap.suggestion(), gap.acknowledgedBy(), gap.acknowledgedAt(), gap.acknowledgementNote(),
                    gap.escalationLevel(), gap.escalatedAt(), version);
        }
    }
}
