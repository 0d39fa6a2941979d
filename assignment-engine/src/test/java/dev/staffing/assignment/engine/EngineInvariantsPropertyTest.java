package dev.staffing.assignment.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** For random pools: no one over capacity, everyone assigned eligible, every empty seat explained, same answer twice. */
class EngineInvariantsPropertyTest {

    private static final List<String> PERSONAS = List.of("backend-engineer", "security-engineer", "qa-engineer");
    private static final List<String> SKILLS = List.of("java", "kafka", "iam");

    private final AssignmentEngine engine = new GreedyAssignmentEngine();

    @Property(tries = 300)
    void decisionsRespectCapacityAndEligibility(@ForAll("pools") PoolState state) {
        Decision decision = engine.decide(state);
        Decision next = engine.decide(withHoldings(state, decision.holdings()));

        Map<String, Candidate> people = new HashMap<>();
        state.people().forEach(person -> people.put(person.id(), person));
        Map<SeatKey, SeatDemand> seats = new HashMap<>();
        state.seats().forEach(seat -> seats.put(seat.key(), seat));
        Map<String, Integer> used = new HashMap<>();
        for (Holding holding : decision.holdings()) {
            Candidate person = people.get(holding.personId());
            SeatDemand seat = seats.get(holding.seat());
            assertThat(Eligibility.eligible(person, seat)).as("%s eligible for %s", person, seat).isTrue();
            used.merge(person.id(), holding.allocation(), Integer::sum);
        }
        used.forEach((id, total) -> assertThat(total).as("load of %s", id).isLessThanOrEqualTo(people.get(id).capacity()));
        assertThat(decision.holdings().size() + decision.gaps().size()).isEqualTo(state.seats().size());
        assertThat(decision).isEqualTo(engine.decide(state));
        assertThat(next.changes()).as("a decision is stable when nothing changed").isEmpty();
    }

    private static PoolState withHoldings(PoolState state, List<Holding> holdings) {
        return new PoolState(state.today(), state.people(), state.seats(), holdings, state.closedProjectIds(),
                Map.of());
    }

    @Provide
    Arbitrary<PoolState> pools() {
        Arbitrary<Candidate> person = Combinators.combine(
                Arbitraries.subsetOf(PERSONAS).ofMinSize(1), Arbitraries.subsetOf(SKILLS),
                Arbitraries.integers().between(0, 4), Arbitraries.of(25, 50, 100),
                Arbitraries.of(Availability.class))
                .as((personas, skills, seniority, capacity, availability) -> new Candidate("?", personas, skills,
                        seniority, capacity, availability, ""));
        Arbitrary<SeatDemand> slot = Combinators.combine(Arbitraries.of(PERSONAS), Arbitraries.subsetOf(SKILLS).ofMaxSize(1),
                Arbitraries.integers().between(0, 3), Arbitraries.of(25, 50, 100), Arbitraries.longs().between(1, 25))
                .as((persona, skills, seniority, allocation, weight) -> new SeatDemand(new SeatKey("?", "?", 1),
                        persona, skills, seniority, allocation, weight, LocalDate.of(2026, 11, 24)));
        return Combinators.combine(person.list().ofMaxSize(12), slot.list().ofMaxSize(10),
                Arbitraries.integers().between(1, 3))
                .as((people, slots, seatsPerSlot) -> {
                    List<Candidate> named = new ArrayList<>();
                    for (int i = 0; i < people.size(); i++) {
                        Candidate c = people.get(i);
                        named.add(new Candidate("e-" + i, c.personas(), c.skills(), c.seniority(), c.capacity(),
                                c.availability(), ""));
                    }
                    List<SeatDemand> seats = new ArrayList<>();
                    for (int i = 0; i < slots.size(); i++) {
                        SeatDemand s = slots.get(i);
                        for (int seat = 1; seat <= seatsPerSlot; seat++) {
                            seats.add(new SeatDemand(new SeatKey("p-" + (i % 3), "s-" + i, seat), s.persona(),
                                    s.requiredSkills(), s.minSeniority(), s.allocation(), s.weight(), s.neededFrom()));
                        }
                    }
                    return new PoolState(LocalDate.of(2026, 11, 24), named, seats, List.of(), Set.of(), Map.of());
                });
    }
}
