package dev.staffing.assignment.engine;

import static dev.staffing.assignment.engine.PoolBuilder.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Gaps announced ahead of their day, within the horizon, by both engines. */
class FutureGapsTest {

    private final AssignmentEngine engine = new FlowAssignmentEngine();

    @Test
    void holderDepartingWithinTheHorizonRaisesAGapOnTheHeldSeatFromThatDay() {
        Decision decision = engine.decide(new PoolBuilder()
                .person("e-1", "security-engineer")
                .seats("p-1", "security", "security-engineer", 1, 100, 25)
                .holding("p-1", "security", 1, "e-1", "security-engineer", 100, 1)
                .absence("e-1", Availability.DEPARTED, TODAY.plusDays(10))
                .horizonEnd(TODAY.plusDays(60))
                .build());

        assertThat(decision.changes()).as("still working until then").isEmpty();
        assertThat(decision.gaps()).isEmpty();
        assertThat(decision.upcomingGaps()).singleElement().satisfies(gap -> {
            assertThat(gap.cause()).isEqualTo(GapCause.HOLDER_DEPARTED);
            assertThat(gap.effectiveDate()).isEqualTo(TODAY.plusDays(10));
            assertThat(gap.detail()).contains("e-1").contains("departs");
        });
    }

    @Test
    void leaveBeyondTheHorizonRaisesNothingYet() {
        Decision decision = engine.decide(new PoolBuilder()
                .person("e-1", "qa-engineer")
                .seats("p-1", "qa", "qa-engineer", 1, 100, 4)
                .holding("p-1", "qa", 1, "e-1", "qa-engineer", 100, 1)
                .absence("e-1", Availability.ON_LEAVE, TODAY.plusDays(90))
                .horizonEnd(TODAY.plusDays(60))
                .build());

        assertThat(decision.upcomingGaps()).isEmpty();
    }

    @Test
    void projectStartingWithinTheHorizonAnnouncesItsEmptySeatFromItsStart() {
        Decision decision = new GreedyAssignmentEngine().decide(new PoolBuilder()
                .seatsFrom(TODAY.plusDays(20), "p-soon", "security", "security-engineer", 1)
                .seatsFrom(TODAY.plusDays(200), "p-later", "security", "security-engineer", 1)
                .horizonEnd(TODAY.plusDays(60))
                .build());

        assertThat(decision.gaps()).singleElement().satisfies(gap -> {
            assertThat(gap.seat().projectId()).isEqualTo("p-soon");
            assertThat(gap.effectiveDate()).isEqualTo(TODAY.plusDays(20));
        });
    }
}
