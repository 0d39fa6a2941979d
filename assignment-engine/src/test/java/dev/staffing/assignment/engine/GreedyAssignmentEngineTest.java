package dev.staffing.assignment.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class GreedyAssignmentEngineTest {

    private final AssignmentEngine engine = new GreedyAssignmentEngine();

    @Test
    void securitySeatStaysOpenWhenNoOneHoldsThePersona() {
        Decision decision = engine.decide(new PoolBuilder()
                .person("e-1", "backend-engineer").person("e-2", "backend-engineer")
                .seats("p-1", "security", "security-engineer", 1, 100, 25)
                .seats("p-1", "backend", "backend-engineer", 2, 100, 10)
                .build());

        assertThat(decision.holdings()).extracting(Holding::personId).containsExactlyInAnyOrder("e-1", "e-2");
        assertThat(decision.gaps()).singleElement().satisfies(gap -> {
            assertThat(gap.seat()).isEqualTo(new SeatKey("p-1", "security", 1));
            assertThat(gap.cause()).isEqualTo(GapCause.NO_PERSONA_HOLDER);
            assertThat(gap.detail()).contains("no active person").contains("security-engineer");
        });
    }

    @Test
    void highestWeightSeatIsFilledFirst() {
        Decision decision = engine.decide(new PoolBuilder()
                .person("e-1", "backend-engineer")
                .seats("p-low", "backend", "backend-engineer", 1, 100, 2)
                .seats("p-high", "backend", "backend-engineer", 1, 100, 10)
                .build());

        assertThat(decision.holdings()).singleElement()
                .satisfies(holding -> assertThat(holding.seat().projectId()).isEqualTo("p-high"));
        assertThat(decision.gaps()).singleElement()
                .satisfies(gap -> assertThat(gap.cause()).isEqualTo(GapCause.ALL_AT_CAPACITY));
    }

    @Test
    void departureOfHolderFreesTheSeatAndNamesTheDeparture() {
        Decision decision = engine.decide(new PoolBuilder()
                .person("e-1", Set.of("security-engineer"), Set.of(), 2, 100, Availability.DEPARTED)
                .seats("p-1", "security", "security-engineer", 1, 100, 25)
                .holding("p-1", "security", 1, "e-1", "security-engineer", 100, 1)
                .build());

        assertThat(decision.changes()).singleElement().satisfies(change -> {
            assertThat(change.assigned()).isFalse();
            assertThat(change.reason()).isEqualTo(ChangeReason.PERSON_DEPARTED);
        });
        assertThat(decision.gaps()).singleElement().satisfies(gap -> {
            assertThat(gap.cause()).isEqualTo(GapCause.HOLDER_DEPARTED);
            assertThat(gap.detail()).contains("e-1").contains("departed");
        });
    }

    @Test
    void holderGoingOnLeaveFreesTheSeatAndTheGapSaysSo() {
        Decision decision = engine.decide(new PoolBuilder()
                .person("e-1", Set.of("qa-engineer"), Set.of(), 2, 100, Availability.ON_LEAVE)
                .seats("p-1", "qa", "qa-engineer", 1, 100, 6)
                .holding("p-1", "qa", 1, "e-1", "qa-engineer", 100, 1)
                .build());

        assertThat(decision.changes()).singleElement()
                .satisfies(change -> assertThat(change.reason()).isEqualTo(ChangeReason.PERSON_ON_LEAVE));
        assertThat(decision.gaps()).singleElement().satisfies(gap -> {
            assertThat(gap.cause()).isEqualTo(GapCause.HOLDER_ON_LEAVE);
            assertThat(gap.detail()).contains("e-1").contains("leave");
            assertThat(gap.candidates()).containsExactly("e-1: on_leave");
            assertThat(gap.suggestion()).isEqualTo("e-1 can take it after their leave (on_leave)");
        });
    }

    @Test
    void seniorityShortfallIsNamedInTheGap() {
        Decision decision = engine.decide(new PoolBuilder()
                .person("e-1", Set.of("platform-architect"), Set.of(), 1, 100, Availability.ACTIVE)
                .seats("p-1", "architect", "platform-architect", 1, 100, 12, Set.of(), 3)
                .build());

        assertThat(decision.gaps()).singleElement().satisfies(gap -> {
            assertThat(gap.cause()).isEqualTo(GapCause.LACKS_SKILLS_OR_SENIORITY);
            assertThat(gap.detail()).contains("below the minimum seniority (1)");
        });
    }

    @Test
    void capacityDropReleasesLowestWeightSeatsUntilTheFteFits() {
        Decision decision = engine.decide(new PoolBuilder()
                .person("e-1", Set.of("backend-engineer"), Set.of(), 1, 50, Availability.ACTIVE)
                .seats("p-1", "backend", "backend-engineer", 1, 50, 10)
                .seats("p-2", "backend", "backend-engineer", 1, 50, 2)
                .holding("p-1", "backend", 1, "e-1", "backend-engineer", 50, 1)
                .holding("p-2", "backend", 1, "e-1", "backend-engineer", 50, 2)
                .build());

        assertThat(decision.holdings()).singleElement()
                .satisfies(holding -> assertThat(holding.seat().projectId()).isEqualTo("p-1"));
        assertThat(decision.changes()).singleElement()
                .satisfies(change -> assertThat(change.reason()).isEqualTo(ChangeReason.CAPACITY_REDUCED));
    }

    @Test
    void missingSkillIsNamedInTheGap() {
        Decision decision = engine.decide(new PoolBuilder()
                .person("e-1", Set.of("devops-engineer"), Set.of("aws"), 2, 100, Availability.ACTIVE)
                .seats("p-1", "devops", "devops-engineer", 1, 100, 6, Set.of("kubernetes"), 0)
                .build());

        assertThat(decision.gaps()).singleElement().satisfies(gap -> {
            assertThat(gap.cause()).isEqualTo(GapCause.LACKS_SKILLS_OR_SENIORITY);
            assertThat(gap.detail()).contains("missing skill kubernetes (1)");
        });
    }

    @Test
    void existingHoldingIsKeptWhenAnotherCandidateWouldDoAsWell() {
        Decision decision = engine.decide(new PoolBuilder()
                .person("e-1", "backend-engineer").person("e-2", "backend-engineer")
                .seats("p-1", "backend", "backend-engineer", 1, 100, 10)
                .holding("p-1", "backend", 1, "e-2", "backend-engineer", 100, 1)
                .build());

        assertThat(decision.changes()).isEmpty();
        assertThat(decision.holdings()).extracting(Holding::personId).containsExactly("e-2");
    }

    @Test
    void closingAProjectReleasesItsPeopleWithThatReason() {
        Decision decision = engine.decide(new PoolBuilder()
                .person("e-1", "backend-engineer")
                .holding("p-1", "backend", 1, "e-1", "backend-engineer", 100, 1)
                .closed("p-1")
                .build());

        assertThat(decision.changes()).singleElement()
                .satisfies(change -> assertThat(change.reason()).isEqualTo(ChangeReason.PROJECT_CLOSED));
        assertThat(decision.gaps()).isEmpty();
    }

    @Test
    void shrinkingASlotReleasesTheMostRecentlyAssignedFirst() {
        PoolBuilder pool = new PoolBuilder()
                .person("e-1", "backend-engineer").person("e-2", "backend-engineer").person("e-3", "backend-engineer")
                .seats("p-1", "backend", "backend-engineer", 2, 100, 10)
                .holding("p-1", "backend", 3, "e-1", "backend-engineer", 100, 1)
                .holding("p-1", "backend", 1, "e-2", "backend-engineer", 100, 2)
                .holding("p-1", "backend", 2, "e-3", "backend-engineer", 100, 3);

        for (AssignmentEngine anyEngine : new AssignmentEngine[] {engine, new FlowAssignmentEngine()}) {
            Decision decision = anyEngine.decide(pool.build());

            assertThat(decision.changes()).extracting(c -> c.assigned() + " " + c.personId() + " " + c.seat().seat()
                    + " " + c.reason()).containsExactly(
                            "false e-3 2 SLOT_REMOVED", "false e-1 3 SEAT_RENUMBERED", "true e-1 2 SEAT_RENUMBERED");
            assertThat(decision.holdings()).extracting(h -> h.personId() + "@" + h.seat().seat())
                    .containsExactly("e-2@1", "e-1@2");
            assertThat(decision.gaps()).isEmpty();
        }
    }

    @Test
    void onePersonNeverTakesTwoSeatsOfTheSameSlot() {
        Decision decision = engine.decide(new PoolBuilder()
                .person("e-1", "backend-engineer")
                .seats("p-1", "backend", "backend-engineer", 2, 50, 10)
                .build());

        assertThat(decision.holdings()).hasSize(1);
        assertThat(decision.gaps()).hasSize(1);
    }
}
