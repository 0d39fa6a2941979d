package dev.staffing.assignment.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.staffing.assignment.storage.DatabaseKind;
import dev.staffing.assignment.storage.EnabledIfTestPostgres;
import dev.staffing.assignment.storage.StoreDatabase;
import dev.staffing.assignment.storage.StoreScenarios;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.transaction.IllegalTransactionStateException;

class ProjectStoreTest {

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

        /** Slot ids that sort the other way round from their positions, so that only position order reads back. */
        private static final List<ProjectSlot> SLOTS = List.of(
                new ProjectSlot("z-architect", "platform-architect", 1, 50, "aws,kubernetes", "PRINCIPAL"),
                new ProjectSlot("m-backend", "backend-engineer", 3, 100, "java", null),
                new ProjectSlot("a-security", "security-engineer", 1, 25, "", "SENIOR"));

        Scenarios(StoreDatabase.Kind kind) {
            super(kind, ProjectStore.class, ProjectSlotsColumn.class, DatabaseKind.class);
        }

        private ProjectStore projects() {
            return store.bean(ProjectStore.class);
        }

        private static Project opened(String id, List<ProjectSlot> slots) {
            return Project.opened(id, "pool-1", "Project " + id, 3, LocalDate.of(2026, 4, 1), null, slots, 1);
        }

        private static Project stored(Project project, long version) {
            return new Project(project.id(), project.pool(), project.name(), project.priority(), project.startDate(),
                    project.endDate(), project.closed(), project.lastSequence(), project.slots(), version);
        }

        private void write(Collection<Project> changed, Map<String, Project> read) {
            store.inTransaction(() -> projects().writeAll(changed, read));
        }

        private Project read(String id) {
            return projects().findAllById(List.of(id)).get(id);
        }

        private List<String> requiredSkillsOfSlots(String project) {
            return slotsStored(project).stream().map(ProjectSlot::requiredSkills).toList();
        }

        private List<ProjectSlot> slotsStored(String project) {
            return store.bean(ProjectSlotsColumn.class).read(project, store.jdbc()
                    .sql("select slots from project where id = ?").param(project).query(String.class).single());
        }

        /** Marks the stored slots of {@code project} with required skills the store cannot know about. */
        private void markSlots(String project, String requiredSkills) {
            List<ProjectSlot> marked = slotsStored(project).stream().map(slot -> new ProjectSlot(slot.slotId(),
                    slot.persona(), slot.seats(), slot.allocation(), requiredSkills, slot.minSeniority())).toList();
            store.jdbc().sql("update project set slots = ? where id = ?")
                    .params(store.bean(ProjectSlotsColumn.class).write(marked), project).update();
        }

        @Test
        void writtenProjectsReadBackEqualWithTheirSlotsInPositionOrder() {
            Project open = opened("rt-open", SLOTS);
            Project ended = new Project("rt-ended", "pool-2", "Ended", 5, LocalDate.of(2025, 1, 6),
                    LocalDate.of(2025, 12, 19), true, 7, List.of(SLOTS.get(1)), null);
            Project empty = opened("rt-empty", List.of());

            write(List.of(open, ended, empty), Map.of());

            assertThat(projects().findAllById(List.of("rt-open", "rt-ended", "rt-empty", "rt-unknown")))
                    .isEqualTo(Map.of("rt-open", stored(open, 0), "rt-ended", stored(ended, 0), "rt-empty",
                            stored(empty, 0)));
        }

        @Test
        void prioritiesAreReadByIdForTheStoredProjectsOnly() {
            write(List.of(opened("prio-3", SLOTS), opened("prio-5", List.of()).withSchedule(5,
                    LocalDate.of(2026, 5, 4), LocalDate.of(2026, 9, 30), 2)), Map.of());

            assertThat(projects().prioritiesOf(List.of("prio-3", "prio-5", "prio-unknown")))
                    .isEqualTo(Map.of("prio-3", 3, "prio-5", 5));
            assertThat(projects().prioritiesOf(List.of())).isEmpty();
        }

        @Test
        void anUpdateRaisesTheVersionByOneAndReplacesSlotsThatChanged() {
            write(List.of(opened("reslot", SLOTS)), Map.of());
            Project before = read("reslot");
            List<ProjectSlot> fewer = List.of(SLOTS.get(2), new ProjectSlot("b-data", "data-engineer", 2, 50, "sql",
                    null));

            write(List.of(before.withSlots(fewer, 2)), Map.of("reslot", before));

            assertThat(read("reslot")).isEqualTo(stored(before.withSlots(fewer, 2), 1));
        }

        @Test
        void slotsThatDidNotChangeAreNotWrittenAgain() {
            write(List.of(opened("same-slots", SLOTS)), Map.of());
            Project before = read("same-slots");
            // A mark the store cannot know about: it survives only where the slots are left as they are.
            markSlots("same-slots", "untouched");

            Project rescheduled = before.withSchedule(4, LocalDate.of(2026, 4, 13), LocalDate.of(2026, 10, 30), 2);
            write(List.of(rescheduled), Map.of("same-slots", before));
            Project closed = read("same-slots").asClosed(LocalDate.of(2026, 8, 31), 3);
            write(List.of(closed), Map.of("same-slots", read("same-slots")));

            assertThat(requiredSkillsOfSlots("same-slots")).containsExactly("untouched", "untouched", "untouched");
            Project after = read("same-slots");
            assertThat(after).extracting(Project::priority, Project::endDate, Project::closed, Project::version)
                    .containsExactly(4, LocalDate.of(2026, 8, 31), true, 2L);
        }

        @Test
        void aProjectNotAmongTheStoredOnesHasItsSlotsWrittenAnew() {
            write(List.of(opened("unknown-before", SLOTS)), Map.of());
            Project before = read("unknown-before");
            markSlots("unknown-before", "stale");

            write(List.of(before.withSchedule(2, before.startDate(), null, 2)), Map.of());

            assertThat(requiredSkillsOfSlots("unknown-before"))
                    .containsExactlyElementsOf(SLOTS.stream().map(ProjectSlot::requiredSkills).toList());
        }

        @Test
        void moreThanAThousandProjectsAreWrittenAndReadInChunks() {
            List<String> ids = IntStream.range(0, 1_234).mapToObj(i -> "many-" + i).toList();
            write(ids.stream().map(id -> opened(id, SLOTS)).toList(), Map.of());

            List<String> asked = new ArrayList<>(ids);
            asked.add("many-unknown");
            Map<String, Project> read = projects().findAllById(asked);
            assertThat(read).hasSize(ids.size());
            assertThat(read.values()).allSatisfy(project -> assertThat(project.slots()).isEqualTo(SLOTS));
            assertThat(projects().prioritiesOf(asked)).hasSize(ids.size()).containsValue(3).doesNotContainValue(1);

            List<ProjectSlot> one = List.of(SLOTS.get(0));
            write(read.values().stream().map(project -> project.withSlots(one, 2)).toList(), read);

            assertThat(projects().findAllById(ids).values()).hasSize(ids.size())
                    .allSatisfy(project -> assertThat(project).extracting(Project::slots, Project::version)
                            .containsExactly(one, 1L));
        }

        @Test
        void aProjectChangedBehindTheStoresBackFailsTheWholeWriteNamingTheProject() {
            write(List.of(opened("race-1", SLOTS), opened("race-2", SLOTS)), Map.of());
            Map<String, Project> read = projects().findAllById(List.of("race-1", "race-2"));
            store.jdbc().sql("update project set name = 'Renamed', version = version + 1 where id = 'race-2'")
                    .update();

            List<ProjectSlot> one = List.of(SLOTS.get(1));
            assertThatThrownBy(() -> write(List.of(read.get("race-1").withSlots(one, 2),
                    read.get("race-2").withSlots(one, 2), opened("race-3", one)), read))
                    .isInstanceOf(OptimisticLockingFailureException.class)
                    .hasMessageContaining("project race-2 ")
                    .hasMessageContaining("(version 0) was changed by another writer");

            Map<String, Project> after = projects().findAllById(List.of("race-1", "race-2", "race-3"));
            assertThat(after.keySet()).containsExactlyInAnyOrder("race-1", "race-2");
            assertThat(after.get("race-1")).isEqualTo(read.get("race-1"));
            assertThat(after.get("race-2").slots()).isEqualTo(SLOTS);
        }

        @Test
        void writingNeedsTheCallersTransaction() {
            assertThatThrownBy(() -> projects().writeAll(List.of(opened("no-tx", SLOTS)), Map.of()))
                    .isInstanceOf(IllegalTransactionStateException.class);
        }

        @Test
        void slotsOfManyProjectsReadInOneGoStayWithTheirProject() {
            List<Project> written = IntStream.range(0, 5).mapToObj(i -> opened("mixed-" + i,
                    SLOTS.subList(0, i % SLOTS.size() + 1))).toList();
            write(written, Map.of());

            Map<String, Project> read = projects().findAllById(written.stream().map(Project::id).toList());

            assertThat(read).isEqualTo(written.stream().collect(Collectors.toMap(Project::id,
                    project -> stored(project, 0))));
        }
    }
}
