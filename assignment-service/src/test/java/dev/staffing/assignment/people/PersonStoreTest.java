package dev.staffing.assignment.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.staffing.assignment.storage.DatabaseKind;
import dev.staffing.assignment.storage.EnabledIfTestPostgres;
import dev.staffing.assignment.storage.StoreDatabase;
import dev.staffing.assignment.storage.StoreScenarios;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.transaction.IllegalTransactionStateException;

class PersonStoreTest {

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
            super(kind, PersonStore.class, DatabaseKind.class);
        }

        private PersonStore people() {
            return store.bean(PersonStore.class);
        }

        private static Person hired(String id) {
            return Person.hired(id, "pool-" + id, "Person " + id, Set.of("backend-engineer", "platform-architect"),
                    Set.of("java", "kafka"), "SENIOR", 100, LocalDate.of(2024, 5, 6), 1);
        }

        /** As the store reads back what it inserted: at version 0. */
        private static Person stored(Person person, long version) {
            return new Person(person.id(), person.pool(), person.displayName(), person.personas(), person.skills(),
                    person.seniority(), person.capacity(), person.startDate(), person.leaveFrom(), person.leaveTo(),
                    person.departureDate(), person.lastSequence(), version);
        }

        private void write(List<Person> people) {
            store.inTransaction(() -> people().writeAll(people));
        }

        @Test
        void writtenPeopleReadBackEqualWithEveryDateSetOrNull() {
            Person noDates = new Person("rt-bare", "pool-a", null, "backend-engineer", "", "JUNIOR", 50, null, null,
                    null, null, 3, null);
            Person allDates = hired("rt-dated").withLeave(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 6, 30), 2)
                    .withDeparture(LocalDate.of(2027, 1, 31), 3);

            write(List.of(noDates, allDates));

            assertThat(people().findAllById(List.of("rt-bare", "rt-dated", "rt-unknown"))).isEqualTo(Map.of(
                    "rt-bare", stored(noDates, 0), "rt-dated", stored(allDates, 0)));
        }

        @Test
        void anUpdateStoresTheChangesRaisesTheVersionByOneAndClearsDatesSetToNull() {
            write(List.of(hired("up-1").withLeave(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30), 2)));
            Person read = people().findAllById(List.of("up-1")).get("up-1");

            Person changed = read.withCapacity(60, 3).withLeave(null, null, 4)
                    .withProfile(Set.of("security-engineer"), Set.of("iam"), "PRINCIPAL", 5);
            write(List.of(changed));

            assertThat(people().findAllById(List.of("up-1")).get("up-1")).isEqualTo(stored(changed, 1));
        }

        @Test
        void moreThanAThousandPeopleAreWrittenAndReadInChunks() {
            List<String> ids = IntStream.range(0, 2_345).mapToObj(i -> "many-" + i).toList();
            write(ids.stream().map(Scenarios::hired).toList());

            List<String> asked = new ArrayList<>(ids);
            asked.add("many-unknown");
            Map<String, Person> read = people().findAllById(asked);
            assertThat(read).hasSize(ids.size());
            assertThat(read.get("many-2344")).isEqualTo(stored(hired("many-2344"), 0));

            write(read.values().stream().map(person -> person.withCapacity(80, 2)).toList());

            assertThat(people().findAllById(ids).values()).hasSize(ids.size())
                    .allSatisfy(person -> assertThat(person).extracting(Person::capacity, Person::version)
                            .containsExactly(80, 1L));
        }

        @Test
        void aPersonChangedBehindTheStoresBackFailsTheWholeWriteNamingThePerson() {
            write(List.of(hired("race-1"), hired("race-2")));
            Map<String, Person> read = people().findAllById(List.of("race-1", "race-2"));
            store.jdbc().sql("update person set capacity = 10, version = version + 1 where id = 'race-2'").update();

            assertThatThrownBy(() -> write(List.of(read.get("race-1").withCapacity(70, 2),
                    read.get("race-2").withCapacity(70, 2), hired("race-3"))))
                    .isInstanceOf(OptimisticLockingFailureException.class)
                    .hasMessageContaining("person race-2 ")
                    .hasMessageContaining("(version 0) was changed by another writer");

            Map<String, Person> after = people().findAllById(List.of("race-1", "race-2", "race-3"));
            assertThat(after.keySet()).containsExactlyInAnyOrder("race-1", "race-2");
            assertThat(after.get("race-1")).isEqualTo(read.get("race-1"));
            assertThat(after.get("race-2").capacity()).isEqualTo(10);
        }

        @Test
        void updatesGoInOneStatementPerChunkOnPostgresAndInAJdbcBatchElsewhere() {
            // The scenarios above run through the path of their database: this says which one that is.
            assertThat(store.bean(DatabaseKind.class).isPostgres())
                    .isEqualTo(store.database().kind() == StoreDatabase.Kind.POSTGRES);
        }

        @Test
        void noIdsReadNothing() {
            assertThat(people().findAllById(List.of())).isEmpty();
        }

        @Test
        void writingNeedsTheCallersTransaction() {
            assertThatThrownBy(() -> people().writeAll(List.of(hired("no-tx"))))
                    .isInstanceOf(IllegalTransactionStateException.class);
        }
    }
}
