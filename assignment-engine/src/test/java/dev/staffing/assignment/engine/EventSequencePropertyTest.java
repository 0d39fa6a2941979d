package dev.staffing.assignment.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Random pools under random sequences of changes (hires, departures, leaves, profile and capacity
 * changes, days passing, projects opening, closing, resizing and changing weight, pins and exclusions set
 * and lifted), each decided
 * incrementally as the service does. After every change: no one is over capacity, everyone assigned is
 * eligible and not excluded, every pin that is feasible on its own holds, on exact pools the filled weight
 * is the independent solver's optimum; and a pool rebuilt
 * from the stored state decides the next change exactly as the one that lived through the history,
 * byte for byte; and an exact pool's flow stores one person-slot arc per holding, no more.
 */
class EventSequencePropertyTest {


    @Property(tries = 250)
    void exactPoolsStayOptimalAndHistoryFree(@ForAll("exactPools") PoolSnapshot start,
            @ForAll("changes") List<RandomPools.Change> changes, @ForAll @IntRange(min = 0, max = 3) int budget) {
        run(start, changes, budget == 3 ? Integer.MAX_VALUE : budget, List.of(50), true);
    }

    /** Large enough that a rebuild sends its surplus phase by phase, while events repair path by path. */
    @Property(tries = 150)
    void largerExactPoolsStayValidAndHistoryFree(@ForAll("largerExactPools") PoolSnapshot start,
            @ForAll("changes") List<RandomPools.Change> changes, @ForAll @IntRange(min = 0, max = 3) int budget) {
        run(start, changes, budget == 3 ? Integer.MAX_VALUE : budget, List.of(50), false);
    }

    /** More tries: the greedy fill asks only the people a change touched for seats of unchanged slots. */
    @Property(tries = 1000)
    void mixedPoolsStayValidAndHistoryFree(@ForAll("mixedPools") PoolSnapshot start,
            @ForAll("changes") List<RandomPools.Change> changes) {
        run(start, changes, Integer.MAX_VALUE, List.of(25, 50, 100), false);
    }

    private static void run(PoolSnapshot start, List<RandomPools.Change> changes, int budget, List<Integer> allocations,
            boolean checkOptimum) {
        EngineSettings settings = new EngineSettings(30, budget);
        StaffingPool lived = StaffingPool.restore(start, settings);
        lived.decide();
        for (RandomPools.Change change : changes) {
            PoolSnapshot before = lived.snapshot();
            StaffingPool rebuilt = StaffingPool.restore(before, settings);
            PoolDecision afterRebuild = rebuilt.decide();
            // A rebalance held back is measured against the holdings before it, so it may read differently now.
            assertThat(new PoolDecision(afterRebuild.changes(), afterRebuild.reallocated(), afterRebuild.gapChanges(),
                    HeldBack.NONE).isEmpty()).as("a rebuild changes nothing: %s", afterRebuild).isTrue();

            String what = change.applyTo(lived, before, allocations);
            change.applyTo(rebuilt, before, allocations);
            // Rebuilt, told the next change, and only then asked to decide.
            StaffingPool rebuiltUndecided = StaffingPool.restore(before, settings);
            change.applyTo(rebuiltUndecided, before, allocations);
            // As the service rebuilds after a restart: from the database, where the batch's events are already
            // applied to people and projects, but holdings and gaps are as last decided.
            PoolSnapshot changed = lived.snapshot();
            StaffingPool rebuiltFromStore = StaffingPool.restore(new PoolSnapshot(changed.today(), changed.people(),
                    changed.projects(), before.holdings(), before.openGaps(), before.nextOrder()), settings);
            PoolDecision decision = lived.decide();

            assertThat(rebuilt.decide()).as("the rebuilt pool decides %s alike", what).isEqualTo(decision);
            assertThat(rebuilt.holdings()).isEqualTo(lived.holdings());
            assertThat(rebuilt.gaps()).isEqualTo(lived.gaps());
            PoolDecision first = rebuiltUndecided.decide();
            assertThat(new PoolDecision(first.changes(), first.reallocated(), first.gapChanges(), HeldBack.NONE))
                    .as("a pool rebuilt and told %s decides alike", what)
                    .isEqualTo(new PoolDecision(decision.changes(), decision.reallocated(), decision.gapChanges(),
                            HeldBack.NONE));
            assertThat(rebuiltUndecided.holdings()).isEqualTo(lived.holdings());
            assertThat(rebuiltUndecided.gaps()).isEqualTo(lived.gaps());
            PoolDecision fromStore = rebuiltFromStore.decide();
            assertThat(fromStore.changes()).as("rebuilt from the store after %s: changes", what)
                    .isEqualTo(decision.changes());
            assertThat(fromStore.gapChanges()).as("rebuilt from the store after %s: gap changes", what)
                    .isEqualTo(decision.gapChanges());
            assertThat(rebuiltFromStore.holdings()).isEqualTo(lived.holdings());
            assertThat(rebuiltFromStore.gaps()).isEqualTo(lived.gaps());
            assertThat(replay(before.holdings(), decision)).as("the changes of %s, applied in order to the holdings "
                    + "before, give the holdings after", what).isEqualTo(seatsOf(lived.holdings()));
            PoolSnapshot after = lived.snapshot();
            if (lived.isExact()) {
                assertThat(lived.storedPairArcs()).as("person-slot arcs stored after %s", what)
                        .isEqualTo(after.holdings().size());
            }
            assertValid(after);
            new PinsHold(after).assertHeld(after.holdings());
            assertEverySeatHeldOrExplained(after);
            if (checkOptimum && lived.isExact() && decision.heldBack().equals(HeldBack.NONE)
                    && after.holdings().size() + lived.gaps().size() <= 5) {
                assertThat(BruteForce.weightOf(after, after.holdings())).as("weight after %s", what)
                        .isEqualTo(new BruteForce(after, before.holdings()).bestWeight);
            }
        }
    }

    /** What a store that applies each change in turn (a release empties its seat, an assignment fills it) holds. */
    private static Map<SeatKey, String> replay(List<Holding> before, PoolDecision decision) {
        Map<SeatKey, String> seats = seatsOf(before);
        for (AssignmentChange change : decision.changes()) {
            if (change.assigned()) {
                assertThat(seats.put(change.seat(), change.personId())).as("%s fills an empty seat", change).isNull();
            } else {
                assertThat(seats.remove(change.seat())).as("%s empties a seat its person held", change)
                        .isEqualTo(change.personId());
            }
        }
        return seats;
    }

    private static Map<SeatKey, String> seatsOf(List<Holding> holdings) {
        Map<SeatKey, String> seats = new HashMap<>();
        holdings.forEach(holding -> seats.put(holding.seat(), holding.personId()));
        return seats;
    }

    /** Every project here starts within the horizon: a seat no one holds has an explained gap. */
    private static void assertEverySeatHeldOrExplained(PoolSnapshot state) {
        Set<SeatKey> held = new HashSet<>();
        state.holdings().forEach(holding -> held.add(holding.seat()));
        Map<SeatKey, Gap> gaps = new HashMap<>();
        state.openGaps().forEach(gap -> gaps.put(gap.seat(), gap));
        for (ProjectDemand project : state.projects()) {
            for (SlotDemand slot : project.slots()) {
                for (int seat = 1; seat <= slot.seats(); seat++) {
                    SeatKey key = new SeatKey(project.id(), slot.slotId(), seat);
                    if (!held.contains(key)) {
                        assertThat(gaps).as("gap of empty seat %s", key).containsKey(key);
                        assertThat(gaps.get(key).detail()).isNotBlank();
                    }
                }
            }
        }
    }

    private static void assertValid(PoolSnapshot state) {
        Map<String, Candidate> people = new HashMap<>();
        state.people().forEach(person -> people.put(person.id(), person));
        Map<String, SlotDemand> slots = new HashMap<>();
        state.projects().forEach(p -> p.slots().forEach(s -> slots.put(p.id() + "/" + s.slotId(), s)));
        Map<String, Integer> load = new HashMap<>();
        Set<String> personInSlot = new HashSet<>();
        for (Holding holding : state.holdings()) {
            Candidate person = people.get(holding.personId());
            SlotDemand slot = slots.get(holding.seat().projectId() + "/" + holding.seat().slotId());
            assertThat(slot).as("slot of %s", holding).isNotNull();
            assertThat(holding.seat().seat()).isBetween(1, slot.seats());
            assertThat(person.availabilityOn(state.today())).isEqualTo(Availability.ACTIVE);
            assertThat(slot.excluded()).as("%s: its person is not excluded", holding).doesNotContain(person.id());
            assertThat(slot.admits(person)).as("%s admitted", holding).isTrue();
            assertThat(personInSlot.add(holding.seat().projectId() + "/" + holding.seat().slotId() + "#"
                    + holding.personId())).as("one seat per slot for %s", holding.personId()).isTrue();
            load.merge(person.id(), slot.allocation(), Integer::sum);
        }
        load.forEach((id, used) -> assertThat(used).as("load of %s", id).isLessThanOrEqualTo(people.get(id).capacity()));
    }

    @Provide
    Arbitrary<List<RandomPools.Change>> changes() {
        return RandomPools.Change.any().list().ofMaxSize(12);
    }

    @Provide
    Arbitrary<PoolSnapshot> exactPools() {
        return RandomPools.pools(4, 3, List.of(50));
    }

    @Provide
    Arbitrary<PoolSnapshot> largerExactPools() {
        return RandomPools.pools(14, 10, List.of(50));
    }

    @Provide
    Arbitrary<PoolSnapshot> mixedPools() {
        return RandomPools.pools(8, 6, List.of(25, 50, 100));
    }
}
