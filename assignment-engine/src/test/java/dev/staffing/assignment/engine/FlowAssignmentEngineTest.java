package dev.staffing.assignment.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class FlowAssignmentEngineTest {

    private final AssignmentEngine engine = new FlowAssignmentEngine();

    /** e-1 can fill either seat, e-2 only the heavier security seat. */
    private static PoolBuilder oneFlexibleOneSpecialist() {
        return new PoolBuilder()
                .person("e-1", Set.of("backend-engineer", "security-engineer"), Set.of(), 2, 100, Availability.ACTIVE)
                .person("e-2", "security-engineer")
                .seats("p-1", "security", "security-engineer", 1, 100, 10)
                .seats("p-2", "backend", "backend-engineer", 1, 100, 9);
    }

    @Test
    void fillsBothSeatsWhereFillingTheHeavierFirstWouldStrandTheOther() {
        PoolState state = oneFlexibleOneSpecialist()
                .build();

        Decision decision = engine.decide(state);

        assertThat(decision.gaps()).isEmpty();
        assertThat(decision.holdings()).extracting(h -> h.seat().projectId() + "=" + h.personId())
                .containsExactly("p-1=e-2", "p-2=e-1");
        assertThat(new GreedyAssignmentEngine().decide(state).gaps()).as("what the simple engine leaves").hasSize(1);
    }

    @Test
    void movesAHolderOnlyWhenThatFillsMoreWeight() {
        PoolState state = oneFlexibleOneSpecialist()
                .holding("p-1", "security", 1, "e-1", "security-engineer", 100, 1)
                .build();

        Decision decision = engine.decide(state);

        assertThat(decision.changes()).extracting(c -> c.assigned() + " " + c.personId() + " " + c.seat().projectId()
                + " " + c.reason()).containsExactly(
                        "false e-1 p-1 REBALANCED", "true e-2 p-1 OPEN_SEAT_FILLED", "true e-1 p-2 OPEN_SEAT_FILLED");
    }

    @Test
    void churnBudgetHoldsBackARebalanceThatNeedsMoreMovesAndSaysSo() {
        PoolState state = oneFlexibleOneSpecialist()
                .holding("p-1", "security", 1, "e-1", "security-engineer", 100, 1)
                .churnBudget(0)
                .build();

        Decision decision = engine.decide(state);

        assertThat(decision.changes()).as("no one moved").isEmpty();
        assertThat(decision.heldBack()).isEqualTo(new HeldBack(1, 9));
        assertThat(decision.gaps()).extracting(gap -> gap.seat().projectId()).containsExactly("p-2");
    }

    @Test
    void keepsTheHolderWhenAMoveWouldFillNoMoreWeight() {
        PoolState state = new PoolBuilder()
                .person("e-1", "security-engineer")
                .person("e-0", "security-engineer")
                .seats("p-1", "security", "security-engineer", 1, 100, 10)
                .holding("p-1", "security", 1, "e-1", "security-engineer", 100, 1)
                .build();

        assertThat(engine.decide(state).changes()).isEmpty();
    }

    @Test
    void spreadsSeatsOverPeopleBeforeDoublingAnyoneUp() {
        PoolState state = new PoolBuilder()
                .person("e-1", Set.of("qa-engineer"), Set.of(), 1, 100, Availability.ACTIVE)
                .person("e-2", Set.of("qa-engineer"), Set.of(), 1, 100, Availability.ACTIVE)
                .seats("p-1", "qa", "qa-engineer", 1, 50, 4)
                .seats("p-2", "qa", "qa-engineer", 1, 50, 4)
                .build();

        assertThat(engine.decide(state).holdings()).extracting(Holding::personId).containsExactlyInAnyOrder("e-1", "e-2");
    }

    @Test
    void mixedAllocationsAreDecidedByTheSimpleEngine() {
        PoolState state = new PoolBuilder()
                .person("e-1", "backend-engineer")
                .seats("p-1", "backend", "backend-engineer", 1, 100, 4)
                .seats("p-2", "backend", "backend-engineer", 1, 50, 4)
                .build();

        assertThat(FlowAssignmentEngine.isExact(state)).isFalse();
        assertThat(engine.decide(state)).isEqualTo(new GreedyAssignmentEngine().decide(state));
    }
}
