package dev.staffing.assignment.engine;

import static dev.staffing.assignment.engine.PoolBuilder.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The exact solver's objective, in order: weight filled, holders kept, load spread. */
class ExactAssignmentTest {

    /** e-1 can fill either seat, e-2 only the heavier security seat. */
    private static PoolBuilder oneFlexibleOneSpecialist() {
        return new PoolBuilder()
                .person("e-1", Set.of("backend-engineer", "security-engineer"), Set.of(), 2, 100)
                .person("e-2", "security-engineer")
                .seats("p-1", "security", "security-engineer", 1, 100, 10)
                .seats("p-2", "backend", "backend-engineer", 1, 100, 9);
    }

    @Test
    void fillsBothSeatsWhereFillingTheHeavierFirstWouldStrandTheOther() {
        PoolBuilder.Decided decided = oneFlexibleOneSpecialist().decide();

        assertThat(decided.pool().isExact()).isTrue();
        assertThat(decided.gaps()).isEmpty();
        assertThat(decided.holdings()).extracting(h -> h.seat().projectId() + "=" + h.personId())
                .containsExactly("p-1=e-2", "p-2=e-1");
    }

    @Test
    void movesAHolderOnlyWhenThatFillsMoreWeight() {
        PoolBuilder.Decided decided = oneFlexibleOneSpecialist()
                .holding("p-1", "security", 1, "e-1", 100, 1)
                .decide();

        assertThat(decided.changeLines()).containsExactly("false e-1 p-1/security/1 REBALANCED",
                "true e-2 p-1/security/1 OPEN_SEAT_FILLED", "true e-1 p-2/backend/1 OPEN_SEAT_FILLED");
    }

    @Test
    void churnBudgetHoldsBackARebalanceThatNeedsMoreMovesAndSaysSo() {
        PoolBuilder.Decided decided = oneFlexibleOneSpecialist()
                .holding("p-1", "security", 1, "e-1", 100, 1)
                .churnBudget(0)
                .decide();

        assertThat(decided.changes()).as("no one moved").isEmpty();
        assertThat(decided.decision().heldBack()).isEqualTo(new HeldBack(1, 9));
        assertThat(decided.gaps()).extracting(gap -> gap.seat().projectId()).containsExactly("p-2");
    }

    @Test
    void aHeldBackRebalanceStaysHeldBackAtTheNextDecisionAndHappensWhenTheBudgetAllows() {
        StaffingPool pool = oneFlexibleOneSpecialist()
                .holding("p-1", "security", 1, "e-1", 100, 1)
                .churnBudget(0)
                .build();
        pool.decide();

        pool.putPerson(new Candidate("e-3", Set.of("qa-engineer"), Set.of(), 1, 100));
        PoolDecision next = pool.decide();

        assertThat(next.changes()).isEmpty();
        assertThat(next.heldBack()).isEqualTo(new HeldBack(1, 9));
        StaffingPool generous = StaffingPool.restore(pool.snapshot(), new EngineSettings(1_000_000, 1));
        assertThat(generous.decide().changes()).extracting(AssignmentChange::reason)
                .containsExactly(ChangeReason.REBALANCED, ChangeReason.OPEN_SEAT_FILLED, ChangeReason.OPEN_SEAT_FILLED);
    }

    @Test
    void keepsTheHolderWhenAMoveWouldFillNoMoreWeight() {
        PoolBuilder.Decided decided = new PoolBuilder()
                .person("e-1", "security-engineer")
                .person("e-0", "security-engineer")
                .seats("p-1", "security", "security-engineer", 1, 100, 10)
                .holding("p-1", "security", 1, "e-1", 100, 1)
                .decide();

        assertThat(decided.changes()).isEmpty();
    }

    @Test
    void spreadsSeatsOverPeopleBeforeDoublingAnyoneUp() {
        PoolBuilder.Decided decided = new PoolBuilder()
                .person("e-1", "qa-engineer")
                .person("e-2", "qa-engineer")
                .seats("p-1", "qa", "qa-engineer", 1, 50, 4)
                .seats("p-2", "qa", "qa-engineer", 1, 50, 4)
                .decide();

        assertThat(decided.holdings()).extracting(Holding::personId).containsExactlyInAnyOrder("e-1", "e-2");
    }

    @Test
    void halfTimeSeatsLetOneFullTimePersonTakeTwo() {
        PoolBuilder.Decided decided = new PoolBuilder()
                .person("e-1", "qa-engineer")
                .seats("p-1", "qa", "qa-engineer", 1, 50, 4)
                .seats("p-2", "qa", "qa-engineer", 1, 50, 3)
                .decide();

        assertThat(decided.holdings()).extracting(Holding::personId).containsExactly("e-1", "e-1");
    }

    @Test
    void mixedAllocationsAreDecidedByTheGreedyFill() {
        PoolBuilder.Decided decided = new PoolBuilder()
                .person("e-1", "backend-engineer")
                .seats("p-1", "backend", "backend-engineer", 1, 100, 4)
                .seats("p-2", "backend", "backend-engineer", 1, 50, 5)
                .decide();

        assertThat(decided.pool().isExact()).isFalse();
        assertThat(decided.holdings()).singleElement().satisfies(h -> assertThat(h.seat().projectId()).isEqualTo("p-2"));
    }

    @Test
    void decidingAgainWithoutAChangeChangesNothing() {
        StaffingPool pool = oneFlexibleOneSpecialist().build();
        pool.decide();

        assertThat(pool.decide().isEmpty()).isTrue();
        assertThat(StaffingPool.restore(pool.snapshot(), EngineSettings.unbounded()).decide().isEmpty())
                .as("a pool rebuilt from its snapshot").isTrue();
    }

    @Test
    void aSlotThatShrinksAsItsWeightChangesKeepsItsEarliestHolderInPlace() {
        StaffingPool pool = StaffingPool.empty(new EngineSettings(30, 1), TODAY);
        pool.putPerson(new Candidate("e-early", Set.of("security-engineer"), Set.of(), 0, 100));
        pool.putPerson(new Candidate("e-late", Set.of("security-engineer"), Set.of(), 0, 100));
        pool.putProject(new ProjectDemand("p-1", TODAY, LocalDate.MAX,
                List.of(new SlotDemand("s", "security-engineer", 1, 100, Set.of(), 0, 10))));
        pool.decide();
        pool.putProject(new ProjectDemand("p-1", TODAY, LocalDate.MAX,
                List.of(new SlotDemand("s", "security-engineer", 2, 100, Set.of(), 0, 1))));
        pool.decide();
        String early = pool.holdings().stream().filter(holding -> holding.seat().seat() == 1).findFirst()
                .orElseThrow().personId();

        // Back to one seat, at a higher weight, in one change: the later holder leaves, no one else moves.
        pool.putProject(new ProjectDemand("p-1", TODAY, LocalDate.MAX,
                List.of(new SlotDemand("s", "security-engineer", 1, 100, Set.of(), 0, 10))));
        PoolDecision decision = pool.decide();

        assertThat(decision.changes()).singleElement()
                .satisfies(change -> assertThat(change.reason()).isEqualTo(ChangeReason.SLOT_REMOVED));
        assertThat(pool.holdings()).extracting(Holding::personId).containsExactly(early);
    }
}
