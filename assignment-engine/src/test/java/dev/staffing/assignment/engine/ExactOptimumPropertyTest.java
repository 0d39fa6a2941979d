package dev.staffing.assignment.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The exact solver against an independent exact solver written for the test (brute force over every
 * assignment of small pools whose seats all ask for one allocation): the filled weight is the optimum,
 * among optimal assignments it keeps as many current holders as possible, and what the churn budget
 * holds back is exactly what it withholds. Some slots carry pins and exclusions: the most pins are honoured
 * first, whatever the budget.
 */
class ExactOptimumPropertyTest {

    @Property(tries = 400)
    void fillsTheOptimalWeightAndMovesNoOneWithoutGain(@ForAll("uniformPools") PoolSnapshot snapshot) {
        BruteForce oracle = new BruteForce(snapshot, snapshot.holdings());
        StaffingPool pool = StaffingPool.restore(snapshot, EngineSettings.unbounded());
        pool.decide();

        assertThat(BruteForce.pinsOf(snapshot, pool.holdings())).as("pins honoured").isEqualTo(oracle.mostPins);
        assertThat(BruteForce.weightOf(snapshot, pool.holdings())).as("filled weight").isEqualTo(oracle.bestWeight);
        long kept = pool.holdings().stream().filter(snapshot.holdings()::contains).count();
        assertThat(kept).as("holders kept among optimal assignments").isEqualTo(oracle.mostKeptAtBestWeight);
        assertThat(pool.decide().isEmpty()).as("deciding again changes nothing").isTrue();
    }

    @Property(tries = 300)
    void neverMovesMoreHoldersThanTheChurnBudgetAndReportsWhatItHeldBack(
            @ForAll("uniformPools") PoolSnapshot snapshot, @ForAll @IntRange(min = 0, max = 2) int budget) {
        StaffingPool pool = StaffingPool.restore(snapshot, new EngineSettings(1_000_000, budget));
        PoolDecision decision = pool.decide();

        long moves = decision.changes().stream().filter(change -> change.reason() == ChangeReason.REBALANCED
                && !change.detail().endsWith("a pin set by a staffing manager needs the move")).count();
        assertThat(moves).isLessThanOrEqualTo(budget);
        new PinsHold(snapshot).assertHeld(pool.holdings());
        assertThat(BruteForce.weightOf(snapshot, pool.holdings()) + decision.heldBack().weight())
                .as("what was filled plus what was held back is the optimum")
                .isEqualTo(new BruteForce(snapshot, snapshot.holdings()).bestWeight);
    }

    @Provide
    Arbitrary<PoolSnapshot> uniformPools() {
        return RandomPools.pools(4, 4, List.of(50));
    }
}
