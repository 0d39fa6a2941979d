package dev.staffing.assignment.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The flow engine against an independent exact solver written for the test (brute force over every
 * assignment of small pools where all seats ask for the same allocation): the filled weight is the
 * optimum, and among optimal assignments it keeps as many current holdings as possible.
 */
class FlowAssignmentEnginePropertyTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    private static final List<String> PERSONAS = List.of("backend-engineer", "security-engineer");

    private final AssignmentEngine engine = new FlowAssignmentEngine();

    @Property(tries = 400)
    void fillsTheOptimalWeightAndMovesNoOneWithoutGain(@ForAll("uniformPools") PoolState state) {
        BruteForce oracle = new BruteForce(state);
        Decision decision = engine.decide(state);

        assertThat(weightOf(decision, state)).as("filled weight").isEqualTo(oracle.bestWeight);
        long kept = decision.holdings().stream().filter(state.holdings()::contains).count();
        assertThat(kept).as("holdings kept among optimal assignments").isEqualTo(oracle.mostKeptAtBestWeight);
        assertThat(engine.decide(withHoldings(state, decision.holdings())).changes())
                .as("deciding again changes nothing").isEmpty();
        assertThat(decision).isEqualTo(engine.decide(state));
    }

    @Property(tries = 300)
    void neverMovesMoreHoldersThanTheChurnBudgetAndReportsWhatItHeldBack(@ForAll("uniformPools") PoolState pool,
            @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 2) int budget) {
        PoolState state = new PoolState(pool.today(), pool.people(), pool.seats(), pool.holdings(), Set.of(),
                Map.of(), Map.of(), LocalDate.MAX, budget);
        Decision decision = engine.decide(state);

        long moves = decision.changes().stream().filter(change -> change.reason() == ChangeReason.REBALANCED).count();
        assertThat(moves).isLessThanOrEqualTo(budget);
        assertThat(weightOf(decision, state) + decision.heldBack().weight())
                .as("what was filled plus what was held back is the optimum")
                .isEqualTo(new BruteForce(state).bestWeight);
    }

    private static long weightOf(Decision decision, PoolState state) {
        Map<SeatKey, Long> weights = new HashMap<>();
        state.seats().forEach(seat -> weights.put(seat.key(), seat.weight()));
        return decision.holdings().stream().mapToLong(holding -> weights.get(holding.seat())).sum();
    }

    private static PoolState withHoldings(PoolState state, List<Holding> holdings) {
        return new PoolState(state.today(), state.people(), state.seats(), holdings, Set.of(), Map.of());
    }

    @Provide
    Arbitrary<PoolState> uniformPools() {
        Arbitrary<Candidate> person = Combinators.combine(Arbitraries.subsetOf(PERSONAS).ofMinSize(1),
                Arbitraries.subsetOf("iam", "kafka"), Arbitraries.integers().between(0, 3),
                Arbitraries.of(0, 50, 100), Arbitraries.of(Availability.ACTIVE, Availability.ACTIVE,
                        Availability.ACTIVE, Availability.ON_LEAVE))
                .as((personas, skills, seniority, capacity, availability) -> new Candidate("?", personas, skills,
                        seniority, capacity, availability, ""));
        Arbitrary<SeatDemand> seat = Combinators.combine(Arbitraries.of(PERSONAS),
                Arbitraries.subsetOf("iam", "kafka").ofMaxSize(1), Arbitraries.integers().between(0, 2),
                Arbitraries.longs().between(1, 10), Arbitraries.integers().between(0, 2))
                .as((persona, skills, seniority, weight, slot) -> new SeatDemand(
                        new SeatKey("p-" + slot % 2, "s-" + slot, 0), persona, skills, seniority, 50, weight, TODAY));
        return Combinators.combine(person.list().ofMaxSize(4), seat.list().ofMaxSize(5),
                Arbitraries.integers().between(0, 1000))
                .as((rawPeople, rawSeats, holdingSeed) -> {
                    List<Candidate> people = new ArrayList<>();
                    for (int i = 0; i < rawPeople.size(); i++) {
                        Candidate c = rawPeople.get(i);
                        people.add(new Candidate("e-" + i, c.personas(), c.skills(), c.seniority(), c.capacity(),
                                c.availability(), ""));
                    }
                    List<SeatDemand> seats = new ArrayList<>();
                    Map<String, Integer> seatsInSlot = new HashMap<>();
                    for (SeatDemand s : rawSeats) {
                        String slot = s.key().projectId() + "/" + s.key().slotId();
                        int number = seatsInSlot.merge(slot, 1, Integer::sum);
                        SeatDemand first = seats.stream().filter(x -> (x.key().projectId() + "/" + x.key().slotId())
                                .equals(slot)).findFirst().orElse(s);
                        seats.add(new SeatDemand(new SeatKey(s.key().projectId(), s.key().slotId(), number),
                                first.persona(), first.requiredSkills(), first.minSeniority(), 50, first.weight(), TODAY));
                    }
                    return new PoolState(TODAY, people, seats, validHoldings(people, seats, holdingSeed), Set.of(),
                            Map.of());
                });
    }

    /** Some current holdings that break no rule, chosen by the seed, so that stability has something to keep. */
    private static List<Holding> validHoldings(List<Candidate> people, List<SeatDemand> seats, int seed) {
        List<Holding> holdings = new ArrayList<>();
        Map<String, Integer> load = new HashMap<>();
        Set<String> personInSlot = new HashSet<>();
        for (int s = 0; s < seats.size(); s++) {
            SeatDemand seat = seats.get(s);
            if (people.isEmpty() || (seed >> s) % 2 == 0) {
                continue;
            }
            Candidate person = people.get((seed + s) % people.size());
            String slot = seat.key().projectId() + "/" + seat.key().slotId() + "#" + person.id();
            if (Eligibility.eligible(person, seat) && !personInSlot.contains(slot)
                    && load.getOrDefault(person.id(), 0) + seat.allocation() <= person.capacity()) {
                load.merge(person.id(), seat.allocation(), Integer::sum);
                personInSlot.add(slot);
                holdings.add(new Holding(seat.key(), person.id(), seat.persona(), seat.allocation(), s + 1));
            }
        }
        return holdings;
    }
}
