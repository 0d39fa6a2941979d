package dev.staffing.assignment.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A staffing manager's pins and exclusions, as the next decision reflects them, in exact and greedy pools. */
class ManualOverridesTest {

    private static String holdingsOf(StaffingPool pool) {
        return pool.holdings().stream().map(h -> h.seat().projectId() + "/" + h.seat().slotId() + "=" + h.personId())
                .toList().toString();
    }

    private static List<String> lines(PoolDecision decision) {
        return decision.changes().stream().map(c -> c.assigned() + " " + c.personId() + " " + c.seat() + " "
                + c.reason()).toList();
    }

    /** The project as the pool has it, each slot with the given pins and exclusions. */
    private static ProjectDemand overridden(StaffingPool pool, String projectId, String slotId, Set<String> pinned,
            Set<String> excluded) {
        ProjectDemand project = pool.snapshot().projects().stream().filter(p -> p.id().equals(projectId))
                .findFirst().orElseThrow();
        List<SlotDemand> slots = new ArrayList<>();
        for (SlotDemand slot : project.slots()) {
            slots.add(slot.slotId().equals(slotId) ? PoolBuilder.withOverrides(slot, pinned, excluded) : slot);
        }
        return new ProjectDemand(project.id(), project.start(), project.end(), slots);
    }

    // ---- exclusions ------------------------------------------------------------------------------------

    @Test
    void anExcludedHolderIsReleasedWithTheReasonAndTheSeatGoesToTheNextBest() {
        StaffingPool pool = new PoolBuilder()
                .person("e-1", "security-engineer")
                .person("e-2", "security-engineer")
                .seats("p-1", "security", "security-engineer", 1, 100, 10)
                .holding("p-1", "security", 1, "e-1", 100, 1)
                .build();
        assertThat(pool.decide().changes()).isEmpty();

        pool.putProject(overridden(pool, "p-1", "security", Set.of(), Set.of("e-1")));
        PoolDecision decision = pool.decide();

        assertThat(lines(decision)).containsExactly("false e-1 p-1/security/1 NO_LONGER_ELIGIBLE",
                "true e-2 p-1/security/1 OPEN_SEAT_FILLED");
        assertThat(decision.changes().get(0).detail())
                .isEqualTo("employee e-1 released: excluded from project p-1 by a staffing manager");
    }

    @Test
    void anExcludedPersonIsNeverSeatedAndNotOfferedForTheGap() {
        PoolBuilder.Decided decided = new PoolBuilder()
                .person("e-1", "security-engineer")
                .seats("p-1", "security", "security-engineer", 1, 100, 10)
                .exclude("p-1", "e-1")
                .decide();

        assertThat(decided.holdings()).isEmpty();
        Gap gap = decided.pool().explain(new SeatKey("p-1", "security", 1)).orElseThrow();
        assertThat(gap.cause()).isEqualTo(GapCause.LACKS_SKILLS_OR_SENIORITY);
        assertThat(gap.detail()).contains("excluded from the project (1)");
        assertThat(gap.candidates()).isEmpty();
    }

    @Test
    void liftingAnExclusionSeatsThePersonAgain() {
        StaffingPool pool = new PoolBuilder()
                .person("e-1", "security-engineer")
                .seats("p-1", "security", "security-engineer", 1, 100, 10)
                .build();
        pool.decide();
        String unforced = holdingsOf(pool);

        pool.putProject(overridden(pool, "p-1", "security", Set.of(), Set.of("e-1")));
        pool.decide();
        assertThat(pool.holdings()).isEmpty();
        pool.putProject(overridden(pool, "p-1", "security", Set.of(), Set.of()));
        pool.decide();

        assertThat(holdingsOf(pool)).isEqualTo(unforced).isEqualTo("[p-1/security=e-1]");
    }

    @Test
    void aStoredHoldingOfAnExcludedPersonIsReleasedOnRestore() {
        PoolBuilder.Decided decided = new PoolBuilder()
                .person("e-1", "security-engineer")
                .seats("p-1", "security", "security-engineer", 1, 100, 10)
                .holding("p-1", "security", 1, "e-1", 100, 1)
                .exclude("p-1", "e-1")
                .decide();

        assertThat(decided.changes()).extracting(AssignmentChange::detail)
                .containsExactly("employee e-1 released: excluded from project p-1 by a staffing manager");
    }

    // ---- pins ------------------------------------------------------------------------------------------

    /** e-1 does backend and security, e-2 security only: unforced, e-2 takes security and e-1 backend. */
    private static PoolBuilder flexibleAndSpecialist() {
        return new PoolBuilder()
                .person("e-1", Set.of("backend-engineer", "security-engineer"), Set.of(), 2, 100)
                .person("e-2", "security-engineer")
                .seats("p-1", "security", "security-engineer", 1, 100, 5)
                .seats("p-2", "backend", "backend-engineer", 1, 100, 1)
                .holding("p-1", "security", 1, "e-2", 100, 1)
                .holding("p-2", "backend", 1, "e-1", 100, 2);
    }

    @Test
    void pinningAPersonWhoHoldsALowerWeightSeatElsewhereMovesThem() {
        StaffingPool pool = flexibleAndSpecialist().build();
        assertThat(pool.decide().changes()).isEmpty();

        pool.putProject(overridden(pool, "p-1", "security", Set.of("e-1"), Set.of()));
        PoolDecision decision = pool.decide();

        assertThat(lines(decision)).containsExactlyInAnyOrder("false e-1 p-2/backend/1 REBALANCED",
                "false e-2 p-1/security/1 REBALANCED", "true e-1 p-1/security/1 OPEN_SEAT_FILLED");
        assertThat(decision.changes()).filteredOn(change -> !change.assigned()).extracting(AssignmentChange::detail)
                .allSatisfy(detail -> assertThat(detail).endsWith("a pin set by a staffing manager needs the move"));
        assertThat(holdingsOf(pool)).isEqualTo("[p-1/security=e-1]");
        assertThat(pool.decide().changes()).as("the pin stays").isEmpty();
    }

    @Test
    void aPinOutranksAHigherWeightSlot() {
        PoolBuilder pins = new PoolBuilder()
                .person("e-1", Set.of("backend-engineer", "security-engineer"), Set.of(), 2, 100)
                .seats("p-1", "security", "security-engineer", 1, 100, 10)
                .seats("p-2", "backend", "backend-engineer", 1, 100, 1)
                .pin("p-2", "backend", "e-1");

        PoolBuilder.Decided decided = pins.decide();

        assertThat(holdingsOf(decided.pool())).isEqualTo("[p-2/backend=e-1]");
        assertThat(decided.pool().decide().changes()).as("a pinned holder is not rebalanced away").isEmpty();
    }

    @Test
    void aPinOnAPersonWhoIsNotEligibleOrNotAvailableDoesNotHold() {
        PoolBuilder.Decided decided = new PoolBuilder()
                .person("e-1", Set.of("security-engineer"), Set.of(), 0, 100)
                .person("e-2", "security-engineer")
                .onLeave("e-2")
                .person("e-3", "security-engineer")
                .person("e-9", "backend-engineer")
                .seats("p-1", "senior", "security-engineer", 1, 100, 10, Set.of(), 2)
                .seats("p-1", "security", "security-engineer", 1, 100, 1)
                .pin("p-1", "senior", "e-1", "e-9", "e-404")
                .pin("p-1", "security", "e-2")
                .decide();

        assertThat(holdingsOf(decided.pool())).isEqualTo("[p-1/security=e-1]");
    }

    @Test
    void removingAPinRestoresTheUnforcedOptimum() {
        StaffingPool unforced = flexibleAndSpecialist().build();
        unforced.decide();
        StaffingPool pool = flexibleAndSpecialist().pin("p-1", "security", "e-1").build();
        pool.decide();
        assertThat(holdingsOf(pool)).isEqualTo("[p-1/security=e-1]");

        pool.putProject(overridden(pool, "p-1", "security", Set.of(), Set.of()));
        PoolDecision decision = pool.decide();

        assertThat(holdingsOf(pool)).isEqualTo(holdingsOf(unforced)).isEqualTo("[p-1/security=e-2, p-2/backend=e-1]");
        assertThat(decision.changes()).filteredOn(change -> !change.assigned()).extracting(AssignmentChange::detail)
                .containsExactly("employee e-1 released from p-1/security/1: a higher total weight of filled seats "
                        + "needs the move");
    }

    @Test
    void twoPinsOnOnePersonTheHigherWeightHolds() {
        PoolBuilder.Decided decided = new PoolBuilder()
                .person("e-1", Set.of("backend-engineer", "security-engineer"), Set.of(), 2, 100)
                .seats("p-1", "security", "security-engineer", 1, 100, 3)
                .seats("p-2", "backend", "backend-engineer", 1, 100, 5)
                .pin("p-1", "security", "e-1")
                .pin("p-2", "backend", "e-1")
                .decide();

        assertThat(holdingsOf(decided.pool())).isEqualTo("[p-2/backend=e-1]");
    }

    @Test
    void pinsApplyUnderAChurnBudgetOfZeroWhileOtherRebalancesStayHeldBack() {
        StaffingPool pool = flexibleAndSpecialist()
                // A rebalance of its own: e-3 would move from p-3 (weight 9) to p-4 (weight 10) for e-4 to take p-3.
                .person("e-3", Set.of("qa-engineer", "data-engineer"), Set.of(), 2, 100)
                .person("e-4", "qa-engineer")
                .seats("p-3", "qa", "qa-engineer", 1, 100, 1)
                .seats("p-4", "data", "data-engineer", 1, 100, 9)
                .holding("p-3", "qa", 1, "e-3", 100, 3)
                .pin("p-1", "security", "e-1")
                .churnBudget(0)
                .build();

        PoolDecision decision = pool.decide();

        assertThat(holdingsOf(pool)).isEqualTo("[p-1/security=e-1, p-3/qa=e-3]");
        assertThat(decision.heldBack()).isEqualTo(new HeldBack(1, 9));
        StaffingPool rebuilt = StaffingPool.restore(pool.snapshot(), new EngineSettings(1_000_000, 0));
        assertThat(rebuilt.decide().changes()).as("a rebuild decides alike").isEmpty();
    }

    @Test
    void aPinAddedWhileARebalanceIsHeldBackStillApplies() {
        StaffingPool pool = flexibleAndSpecialist()
                .person("e-3", Set.of("qa-engineer", "data-engineer"), Set.of(), 2, 100)
                .person("e-4", "qa-engineer")
                .seats("p-3", "qa", "qa-engineer", 1, 100, 1)
                .seats("p-4", "data", "data-engineer", 1, 100, 9)
                .holding("p-3", "qa", 1, "e-3", 100, 3)
                .churnBudget(0)
                .build();
        assertThat(pool.decide().heldBack()).isEqualTo(new HeldBack(1, 9));

        pool.putProject(overridden(pool, "p-1", "security", Set.of("e-1"), Set.of()));
        PoolDecision decision = pool.decide();

        assertThat(holdingsOf(pool)).isEqualTo("[p-1/security=e-1, p-3/qa=e-3]");
        assertThat(decision.heldBack()).isEqualTo(new HeldBack(1, 9));
    }

    @Test
    void aPinnedHolderIsNotMovedToAnotherOfTheirPinsForWeightUnderTheBudget() {
        // e-1 is pinned to both slots and has time for one: the heavier holds; e-2 could take it for more weight
        // if e-1 moved to the lighter one, but that is a rebalance, held back by a budget of 0.
        StaffingPool pool = new PoolBuilder()
                .person("e-1", Set.of("backend-engineer", "security-engineer"), Set.of(), 2, 100)
                .person("e-2", "backend-engineer")
                .seats("p-1", "backend", "backend-engineer", 1, 100, 2)
                .seats("p-2", "security", "security-engineer", 1, 100, 1)
                .pin("p-1", "backend", "e-1")
                .pin("p-2", "security", "e-1")
                .holding("p-1", "backend", 1, "e-1", 100, 1)
                .churnBudget(0)
                .build();

        assertThat(pool.decide().changes()).isEmpty();
        assertThat(holdingsOf(pool)).isEqualTo("[p-1/backend=e-1]");
        assertThat(StaffingPool.restore(pool.snapshot(), new EngineSettings(1_000_000, 0)).decide().changes())
                .isEmpty();
    }

    // ---- greedy pools (mixed allocations) ---------------------------------------------------------------

    @Test
    void greedyPoolsSeatPinnedPeopleFirstAndReleaseExcludedHolders() {
        StaffingPool pool = new PoolBuilder()
                .person("e-1", Set.of("backend-engineer", "security-engineer"), Set.of(), 2, 100)
                .person("e-2", "security-engineer")
                .person("e-3", "backend-engineer")
                .seats("p-1", "security", "security-engineer", 1, 50, 5)
                .seats("p-2", "backend", "backend-engineer", 1, 100, 1)
                .holding("p-1", "security", 1, "e-2", 50, 1)
                .holding("p-2", "backend", 1, "e-1", 100, 2)
                .build();
        pool.decide();
        assertThat(pool.isExact()).isFalse();

        pool.putProject(overridden(pool, "p-1", "security", Set.of("e-1"), Set.of()));
        PoolDecision pinned = pool.decide();

        assertThat(lines(pinned)).containsExactly("false e-2 p-1/security/1 REBALANCED",
                "false e-1 p-2/backend/1 REBALANCED", "true e-1 p-1/security/1 OPEN_SEAT_FILLED",
                "true e-3 p-2/backend/1 OPEN_SEAT_FILLED");
        assertThat(holdingsOf(pool)).isEqualTo("[p-1/security=e-1, p-2/backend=e-3]");

        pool.putProject(overridden(pool, "p-2", "backend", Set.of(), Set.of("e-3")));
        PoolDecision excluded = pool.decide();

        assertThat(excluded.changes()).extracting(AssignmentChange::detail).first()
                .isEqualTo("employee e-3 released: excluded from project p-2 by a staffing manager");
        assertThat(holdingsOf(pool)).isEqualTo("[p-1/security=e-1]");
    }

    /**
     * The pinned person gives up a full-time seat for a quarter-time one: the room it leaves fills a gap of a
     * slot no change touched, ahead of the holder the pin displaced, who has less room.
     */
    @Test
    void capacityAPinFreesFillsAGapOfAnUntouchedSlot() {
        StaffingPool pool = new PoolBuilder()
                .person("e-1", Set.of("security-engineer"), Set.of(), 1, 100)
                .person("e-2", Set.of("security-engineer"), Set.of(), 1, 50)
                .seats("p-0", "full", "security-engineer", 1, 100, 1)
                .seats("p-1", "quarter", "security-engineer", 1, 25, 1)
                .seats("p-2", "half", "security-engineer", 1, 50, 2)
                .holding("p-0", "full", 1, "e-1", 100, 1)
                .holding("p-1", "quarter", 1, "e-2", 25, 2)
                .build();
        assertThat(pool.decide().changes()).as("a stable start: no one can take the half-time seat").isEmpty();

        pool.putProject(overridden(pool, "p-1", "quarter", Set.of("e-1"), Set.of()));
        PoolDecision pinned = pool.decide();

        assertThat(lines(pinned)).containsExactly("false e-1 p-0/full/1 REBALANCED",
                "false e-2 p-1/quarter/1 REBALANCED", "true e-1 p-1/quarter/1 OPEN_SEAT_FILLED",
                "true e-1 p-2/half/1 OPEN_SEAT_FILLED");
        assertThat(holdingsOf(pool)).isEqualTo("[p-1/quarter=e-1, p-2/half=e-1]");
    }

    // ---- the interface -----------------------------------------------------------------------------------

    @Test
    void aPersonBothPinnedAndExcludedOnOneSlotIsRejected() {
        assertThatThrownBy(() -> new SlotDemand("security", "security-engineer", 1, 100, Set.of(), 0, 5,
                Set.of("e-1"), Set.of("e-1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("security").hasMessageContaining("e-1");
    }

    @Test
    void overridesAreCopiedAndTheShortConstructorHasNone() {
        Set<String> pinned = new java.util.HashSet<>(Set.of("e-1"));
        SlotDemand slot = new SlotDemand("s", "qa-engineer", 1, 100, Set.of(), 0, 5, pinned, Set.of("e-2"));
        pinned.add("e-3");

        assertThat(slot.pinned()).containsExactly("e-1");
        assertThat(new SlotDemand("s", "qa-engineer", 1, 100, Set.of(), 0, 5).pinned()).isEmpty();
        assertThat(new SlotDemand("s", "qa-engineer", 1, 100, Set.of(), 0, 5).excluded()).isEmpty();
    }
}
