package dev.staffing.assignment.engine;

import static dev.staffing.assignment.engine.PoolBuilder.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each way a holding ends, and each cause of an empty seat, in plain words. */
class HoldingRulesTest {

    @Test
    void securitySeatStaysOpenWhenNoOneHoldsThePersona() {
        PoolBuilder.Decided decided = new PoolBuilder()
                .person("e-1", "backend-engineer").person("e-2", "backend-engineer")
                .seats("p-1", "security", "security-engineer", 1, 100, 25)
                .seats("p-1", "backend", "backend-engineer", 2, 100, 10)
                .decide();

        assertThat(decided.holdings()).extracting(Holding::personId).containsExactlyInAnyOrder("e-1", "e-2");
        assertThat(decided.decision().gapChanges()).singleElement().isInstanceOfSatisfying(GapChange.Opened.class,
                opened -> {
                    assertThat(opened.gap().seat()).isEqualTo(new SeatKey("p-1", "security", 1));
                    assertThat(opened.gap().cause()).isEqualTo(GapCause.NO_PERSONA_HOLDER);
                    assertThat(opened.gap().detail()).contains("no active person").contains("security-engineer");
                });
    }

    @Test
    void highestWeightSeatIsFilledFirst() {
        PoolBuilder.Decided decided = new PoolBuilder()
                .person("e-1", "backend-engineer")
                .seats("p-low", "backend", "backend-engineer", 1, 100, 2)
                .seats("p-high", "backend", "backend-engineer", 1, 100, 10)
                .decide();

        assertThat(decided.holdings()).singleElement()
                .satisfies(holding -> assertThat(holding.seat().projectId()).isEqualTo("p-high"));
        assertThat(decided.gaps()).singleElement()
                .satisfies(gap -> assertThat(gap.cause()).isEqualTo(GapCause.ALL_AT_CAPACITY));
    }

    @Test
    void departureOfHolderFreesTheSeatAndNamesTheDeparture() {
        PoolBuilder.Decided decided = new PoolBuilder()
                .person("e-1", Set.of("security-engineer"), Set.of(), 2, 100).departed("e-1")
                .seats("p-1", "security", "security-engineer", 1, 100, 25)
                .holding("p-1", "security", 1, "e-1", 100, 1)
                .decide();

        assertThat(decided.changes()).singleElement().satisfies(change -> {
            assertThat(change.assigned()).isFalse();
            assertThat(change.reason()).isEqualTo(ChangeReason.PERSON_DEPARTED);
        });
        assertThat(decided.gaps()).singleElement().satisfies(gap -> {
            assertThat(gap.cause()).isEqualTo(GapCause.HOLDER_DEPARTED);
            assertThat(gap.detail()).contains("e-1").contains("departed");
        });
    }

    @Test
    void holderGoingOnLeaveFreesTheSeatAndTheGapSaysSo() {
        PoolBuilder.Decided decided = new PoolBuilder()
                .person("e-1", Set.of("qa-engineer"), Set.of(), 2, 100).onLeave("e-1")
                .seats("p-1", "qa", "qa-engineer", 1, 100, 6)
                .holding("p-1", "qa", 1, "e-1", 100, 1)
                .decide();

        String leave = "on leave " + TODAY.minusDays(1) + " to " + TODAY.plusDays(13);
        assertThat(decided.changes()).singleElement()
                .satisfies(change -> assertThat(change.reason()).isEqualTo(ChangeReason.PERSON_ON_LEAVE));
        assertThat(decided.gaps()).singleElement().satisfies(gap -> {
            assertThat(gap.cause()).isEqualTo(GapCause.HOLDER_ON_LEAVE);
            assertThat(gap.detail()).isEqualTo("holder e-1 is on leave: " + leave);
            assertThat(gap.candidates()).containsExactly("e-1: " + leave);
            assertThat(gap.suggestion()).isEqualTo("e-1 can take it after their leave (" + leave + ")");
        });
    }

    @Test
    void seniorityShortfallIsNamedInTheGap() {
        PoolBuilder.Decided decided = new PoolBuilder()
                .person("e-1", Set.of("platform-architect"), Set.of(), 1, 100)
                .seats("p-1", "architect", "platform-architect", 1, 100, 12, Set.of(), 3)
                .decide();

        assertThat(decided.gaps()).singleElement().satisfies(gap -> {
            assertThat(gap.cause()).isEqualTo(GapCause.LACKS_SKILLS_OR_SENIORITY);
            assertThat(gap.detail()).contains("below the minimum seniority (1)");
        });
    }

    @Test
    void missingSkillIsNamedInTheGap() {
        PoolBuilder.Decided decided = new PoolBuilder()
                .person("e-1", Set.of("devops-engineer"), Set.of("aws"), 2, 100)
                .seats("p-1", "devops", "devops-engineer", 1, 100, 6, Set.of("kubernetes"), 0)
                .decide();

        assertThat(decided.gaps()).singleElement().satisfies(gap -> {
            assertThat(gap.cause()).isEqualTo(GapCause.LACKS_SKILLS_OR_SENIORITY);
            assertThat(gap.detail()).contains("missing skill kubernetes (1)");
        });
    }

    @Test
    void capacityDropReleasesLowestWeightSeatsUntilTheFteFits() {
        StaffingPool pool = new PoolBuilder()
                .person("e-1", "backend-engineer")
                .seats("p-1", "backend", "backend-engineer", 1, 50, 10)
                .seats("p-2", "backend", "backend-engineer", 1, 50, 2)
                .holding("p-1", "backend", 1, "e-1", 50, 1)
                .holding("p-2", "backend", 1, "e-1", 50, 2)
                .build();
        assertThat(pool.decide().changes()).isEmpty();

        pool.putPerson(new Candidate("e-1", Set.of("backend-engineer"), Set.of(), 1, 60));
        PoolDecision decision = pool.decide();

        assertThat(pool.holdings()).singleElement()
                .satisfies(holding -> assertThat(holding.seat().projectId()).isEqualTo("p-1"));
        assertThat(decision.changes()).singleElement().satisfies(change -> {
            assertThat(change.reason()).isEqualTo(ChangeReason.CAPACITY_REDUCED);
            assertThat(change.seat().projectId()).isEqualTo("p-2");
        });
    }

    @Test
    void existingHoldingIsKeptWhenAnotherCandidateWouldDoAsWell() {
        PoolBuilder.Decided decided = new PoolBuilder()
                .person("e-1", "backend-engineer").person("e-2", "backend-engineer")
                .seats("p-1", "backend", "backend-engineer", 1, 100, 10)
                .holding("p-1", "backend", 1, "e-2", 100, 1)
                .decide();

        assertThat(decided.changes()).isEmpty();
        assertThat(decided.holdings()).extracting(Holding::personId).containsExactly("e-2");
    }

    @Test
    void closingAProjectReleasesItsPeopleAndResolvesItsGaps() {
        StaffingPool pool = new PoolBuilder()
                .person("e-1", "backend-engineer")
                .seats("p-1", "backend", "backend-engineer", 2, 100, 10)
                .build();
        pool.decide();

        pool.closeProject("p-1");
        PoolDecision decision = pool.decide();

        assertThat(decision.changes()).singleElement()
                .satisfies(change -> assertThat(change.reason()).isEqualTo(ChangeReason.PROJECT_CLOSED));
        assertThat(decision.gapChanges()).singleElement().isInstanceOfSatisfying(GapChange.Resolved.class,
                resolved -> assertThat(resolved.resolution()).isEqualTo(GapChange.Resolution.PROJECT_CLOSED));
        assertThat(pool.gaps()).isEmpty();
    }

    @Test
    void storedHoldingsOfAProjectNoLongerKnownAreReleasedAsClosed() {
        PoolBuilder.Decided decided = new PoolBuilder()
                .person("e-1", "backend-engineer")
                .holding("p-1", "backend", 1, "e-1", 100, 1)
                .decide();

        assertThat(decided.changes()).singleElement()
                .satisfies(change -> assertThat(change.reason()).isEqualTo(ChangeReason.PROJECT_CLOSED));
        assertThat(decided.gaps()).isEmpty();
    }

    @Test
    void shrinkingASlotReleasesTheMostRecentlyAssignedFirst() {
        for (int allocation : new int[] {100, 50}) {
            StaffingPool pool = new PoolBuilder()
                    .person("e-1", "backend-engineer").person("e-2", "backend-engineer").person("e-3", "backend-engineer")
                    .seats("p-1", "backend", "backend-engineer", 3, allocation, 10)
                    .seats("p-2", "other", "ux-designer", 1, 100, 1)
                    .holding("p-1", "backend", 3, "e-1", allocation, 1)
                    .holding("p-1", "backend", 1, "e-2", allocation, 2)
                    .holding("p-1", "backend", 2, "e-3", allocation, 3)
                    .build();
            assertThat(pool.decide().changes()).isEmpty();

            pool.putProject(new ProjectDemand("p-1", TODAY, java.time.LocalDate.MAX,
                    List.of(new SlotDemand("backend", "backend-engineer", 2, allocation, Set.of(), 0, 10))));
            PoolDecision decision = pool.decide();

            assertThat(decision.changes()).extracting(c -> c.assigned() + " " + c.personId() + " " + c.seat().seat()
                    + " " + c.reason()).as("allocation %d", allocation).containsExactly(
                            "false e-3 2 SLOT_REMOVED", "false e-1 3 SEAT_RENUMBERED", "true e-1 2 SEAT_RENUMBERED");
            assertThat(pool.holdings()).filteredOn(h -> h.seat().projectId().equals("p-1"))
                    .extracting(h -> h.personId() + "@" + h.seat().seat()).containsExactly("e-2@1", "e-1@2");
        }
    }

    @Test
    void onePersonNeverTakesTwoSeatsOfTheSameSlot() {
        PoolBuilder.Decided decided = new PoolBuilder()
                .person("e-1", "backend-engineer")
                .seats("p-1", "backend", "backend-engineer", 2, 50, 10)
                .decide();

        assertThat(decided.holdings()).hasSize(1);
        assertThat(decided.gaps()).hasSize(1);
    }

    @Test
    void aPersonMovingToAnotherPoolIsReleasedAndNoLongerConsidered() {
        StaffingPool pool = new PoolBuilder()
                .person("e-1", "backend-engineer")
                .seats("p-1", "backend", "backend-engineer", 1, 100, 10)
                .build();
        pool.decide();

        pool.removePerson("e-1");
        PoolDecision decision = pool.decide();

        assertThat(decision.changes()).singleElement().satisfies(change -> {
            assertThat(change.reason()).isEqualTo(ChangeReason.NO_LONGER_ELIGIBLE);
            assertThat(change.detail()).contains("moved out of the pool");
        });
        assertThat(pool.gaps()).singleElement()
                .satisfies(gap -> assertThat(gap.cause()).isEqualTo(GapCause.NO_PERSONA_HOLDER));
        assertThat(pool.snapshot().people()).isEmpty();
    }

    @Test
    void aHalfTimeHolderReleasedFromASlotTurnedFullTimeIsNotSeatedBeyondTheirTime() {
        StaffingPool pool = StaffingPool.empty(EngineSettings.unbounded(), TODAY);
        pool.putPerson(new Candidate("e-half", Set.of("backend-engineer", "frontend-engineer"), Set.of(), 2, 50));
        pool.putProject(new ProjectDemand("p-1", TODAY, TODAY.plusMonths(6), List.of(
                new SlotDemand("s-1", "backend-engineer", 1, 50, Set.of(), 0, 5))));
        pool.putProject(new ProjectDemand("p-2", TODAY, TODAY.plusMonths(6), List.of(
                new SlotDemand("s-2", "frontend-engineer", 1, 100, Set.of(), 0, 1),
                // A half-time seat no one here fills keeps the pool's allocations mixed.
                new SlotDemand("s-3", "qa-engineer", 1, 50, Set.of(), 0, 1))));
        pool.decide();
        assertThat(pool.holdings()).extracting(Holding::personId).containsExactly("e-half");

        // The slot now asks for another persona, full time: the holder leaves with the half time they held.
        pool.putProject(new ProjectDemand("p-1", TODAY, TODAY.plusMonths(6), List.of(
                new SlotDemand("s-1", "security-engineer", 1, 100, Set.of(), 0, 5))));
        PoolDecision decision = pool.decide();

        assertThat(decision.changes()).singleElement().satisfies(change -> {
            assertThat(change.reason()).isEqualTo(ChangeReason.NO_LONGER_ELIGIBLE);
            assertThat(change.personId()).isEqualTo("e-half");
        });
        assertThat(pool.holdings()).as("the full-time frontend seat is beyond a half-time person").isEmpty();
    }

    @Test
    void aHolderWhoseSlotNeedsLessTimeTakesAnotherSeatWithWhatIsFreed() {
        StaffingPool pool = StaffingPool.empty(EngineSettings.unbounded(), TODAY);
        pool.putPerson(new Candidate("e-1", Set.of("backend-engineer"), Set.of(), 2, 100));
        pool.putProject(new ProjectDemand("p-1", TODAY, TODAY.plusMonths(6), List.of(
                new SlotDemand("s-1", "backend-engineer", 1, 100, Set.of(), 0, 5))));
        pool.putProject(new ProjectDemand("p-2", TODAY, TODAY.plusMonths(6), List.of(
                new SlotDemand("s-2", "backend-engineer", 1, 50, Set.of(), 0, 1),
                // A full-time seat no one here fills keeps the pool's allocations mixed.
                new SlotDemand("s-3", "qa-engineer", 1, 100, Set.of(), 0, 1))));
        pool.decide();
        assertThat(pool.holdings()).extracting(holding -> holding.seat().projectId()).containsExactly("p-1");

        pool.putProject(new ProjectDemand("p-1", TODAY, TODAY.plusMonths(6), List.of(
                new SlotDemand("s-1", "backend-engineer", 1, 50, Set.of(), 0, 5))));
        PoolDecision decision = pool.decide();

        assertThat(decision.reallocated()).singleElement().satisfies(holding -> assertThat(holding.allocation())
                .isEqualTo(50));
        assertThat(pool.holdings()).extracting(holding -> holding.seat().projectId())
                .containsExactlyInAnyOrder("p-1", "p-2");
    }
}
