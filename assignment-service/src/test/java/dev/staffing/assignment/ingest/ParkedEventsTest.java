package dev.staffing.assignment.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.staffing.assignment.storage.EnabledIfTestPostgres;
import dev.staffing.assignment.storage.StoreDatabase;
import dev.staffing.assignment.storage.StoreScenarios;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ParkedEventsTest {

    private static final String EMPLOYEE = EmployeeEventApplier.ENTITY;
    private static final String PROJECT = ProjectEventApplier.ENTITY;

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
            super(kind, ParkedEvents.class);
        }

        private ParkedEvents parked() {
            return store.bean(ParkedEvents.class);
        }

        private void park(String entityType, String entityId, long sequence) {
            store.inTransaction(() -> parked().park(entityType, entityId, sequence, "topic-" + entityType,
                    (entityId + "@" + sequence).getBytes(StandardCharsets.UTF_8)));
        }

        @Test
        void theEntitiesWithParkedEventsAreFoundOnceEachByTypeAndId() {
            park(EMPLOYEE, "w-emp", 2);
            park(EMPLOYEE, "w-emp", 3);
            park(PROJECT, "w-prj", 5);
            park(PROJECT, "w-both", 1);
            park(EMPLOYEE, "w-both", 1);

            assertThat(parked().waitingAmong(List.of("w-emp", "w-prj", "w-both", "w-none"))).containsExactlyInAnyOrder(
                    ParkedEvents.key(EMPLOYEE, "w-emp"), ParkedEvents.key(PROJECT, "w-prj"),
                    ParkedEvents.key(PROJECT, "w-both"), ParkedEvents.key(EMPLOYEE, "w-both"));
            assertThat(parked().waitingAmong(List.of("w-none"))).isEmpty();
            assertThat(parked().waitingAmong(List.of())).isEmpty();
        }

        @Test
        void parkedEventsAreTakenInSequenceOrderAndAreNoLongerWaitingAfterwards() {
            park(EMPLOYEE, "t-emp", 9);
            park(EMPLOYEE, "t-emp", 4);

            List<ParkedEvents.Parked> taken = new ArrayList<>();
            store.inTransaction(() -> taken.addAll(parked().takeFor(EMPLOYEE, "t-emp")));

            assertThat(taken).extracting(each -> new String(each.payload(), StandardCharsets.UTF_8))
                    .containsExactly("t-emp@4", "t-emp@9");
            assertThat(parked().waitingAmong(List.of("t-emp"))).isEmpty();
        }

        @Test
        void moreThanAThousandEntitiesAreLookedUpInChunks() {
            List<String> waiting = IntStream.range(0, 1_100).mapToObj(i -> "many-" + i).toList();
            store.inTransaction(() -> waiting.forEach(id -> parked().park(PROJECT, id, 1, "project-events",
                    new byte[] {1})));

            List<String> asked = new ArrayList<>(waiting);
            IntStream.range(0, 1_000).mapToObj(i -> "many-absent-" + i).forEach(asked::add);
            Set<String> found = parked().waitingAmong(asked);

            assertThat(found).isEqualTo(waiting.stream().map(id -> ParkedEvents.key(PROJECT, id))
                    .collect(Collectors.toSet()));
        }
    }
}
