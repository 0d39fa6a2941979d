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

/**
 * Random full-time organisations under random sequences of events (hires, departures, leaves, capacity
 * and profile changes, slots growing and shrinking), each answered from the previous decision as the
 * service does: after every event no one is over capacity, everyone assigned is eligible, and the
 * filled weight equals the independent solver's optimum.
 */
class EventSequencePropertyTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    private static final List<String> PERSONAS = List.of("backend-engineer", "security-engineer");

    /** Small enough for the brute-force solver: at most 5 people and 6 seats. */
    private static final int MOST_PEOPLE = 5;

    private final AssignmentEngine engine = new FlowAssignmentEngine();

    @Property(tries = 150)
    void everyEventLeavesAValidOptimalAssignment(@ForAll("events") List<int[]> events) {
        List<Candidate> people = new ArrayList<>();
        Map<String, Integer> slotSeats = new HashMap<>();
        List<Holding> holdings = List.of();
        for (int[] event : events) {
            apply(event, people, slotSeats);
            PoolState state = new PoolState(TODAY, people, seats(slotSeats), holdings, Set.of(), Map.of());
            Decision decision = engine.decide(state);

            assertValid(state, decision);
            long filled = decision.holdings().stream().mapToLong(h -> weightOf(h.seat().slotId())).sum();
            assertThat(filled).as("filled weight after %s", describe(event)).isEqualTo(new BruteForce(state).bestWeight);
            holdings = decision.holdings();
        }
    }

    private static void assertValid(PoolState state, Decision decision) {
        Map<String, Candidate> people = new HashMap<>();
        state.people().forEach(person -> people.put(person.id(), person));
        Map<SeatKey, SeatDemand> seats = new HashMap<>();
        state.seats().forEach(seat -> seats.put(seat.key(), seat));
        Map<String, Integer> load = new HashMap<>();
        for (Holding holding : decision.holdings()) {
            assertThat(Eligibility.eligible(people.get(holding.personId()), seats.get(holding.seat()))).isTrue();
            load.merge(holding.personId(), holding.allocation(), Integer::sum);
        }
        load.forEach((id, used) -> assertThat(used).isLessThanOrEqualTo(people.get(id).capacity()));
    }

    /** Event kinds: 0 hire, 1 depart, 2 leave, 3 back from leave, 4 profile change, 5 capacity change, 6 slot size. */
    private static void apply(int[] event, List<Candidate> people, Map<String, Integer> slotSeats) {
        int kind = event[0];
        int target = event[1];
        if (kind == 0 || people.isEmpty()) {
            if (people.size() == MOST_PEOPLE) {
                return;
            }
            people.add(new Candidate("e-" + people.size(), Set.of(PERSONAS.get(target % 2)), Set.of(), 1, 100,
                    Availability.ACTIVE, ""));
            return;
        }
        int index = target % people.size();
        Candidate person = people.get(index);
        switch (kind) {
            case 1 -> people.set(index, with(person, person.personas(), person.capacity(), Availability.DEPARTED));
            case 2 -> people.set(index, with(person, person.personas(), person.capacity(), Availability.ON_LEAVE));
            case 3 -> people.set(index, with(person, person.personas(), person.capacity(), Availability.ACTIVE));
            case 4 -> people.set(index, with(person, target % 3 == 0 ? Set.copyOf(PERSONAS)
                    : Set.of(PERSONAS.get(target % 2)), person.capacity(), person.availability()));
            case 5 -> people.set(index, with(person, person.personas(), person.capacity() == 100 ? 0 : 100,
                    person.availability()));
            default -> slotSeats.put("s" + target % 2, event[2]);
        }
    }

    private static Candidate with(Candidate person, Set<String> personas, int capacity, Availability availability) {
        return new Candidate(person.id(), personas, person.skills(), person.seniority(), capacity, availability,
                availability.name().toLowerCase());
    }

    /**
     * Four slots: s0 and s2 for Backend Engineers, s1 and s3 for Security Engineers, weights 2, 5, 4, 10;
     * s0 and s1 grow and shrink between 0 and 2 seats, s2 and s3 have one.
     */
    private static List<SeatDemand> seats(Map<String, Integer> slotSeats) {
        List<SeatDemand> seats = new ArrayList<>();
        for (int slot = 0; slot < 4; slot++) {
            String slotId = "s" + slot;
            for (int seat = 1; seat <= slotSeats.getOrDefault(slotId, 1); seat++) {
                seats.add(new SeatDemand(new SeatKey("p-" + slot % 2, slotId, seat), PERSONAS.get(slot % 2), Set.of(),
                        0, 100, weightOf(slotId), TODAY));
            }
        }
        return seats;
    }

    private static long weightOf(String slotId) {
        return switch (slotId) {
            case "s0" -> 2;
            case "s1" -> 5;
            case "s2" -> 4;
            default -> 10;
        };
    }

    private static String describe(int[] event) {
        return "event kind " + event[0] + " on " + event[1];
    }

    @Provide
    Arbitrary<List<int[]>> events() {
        return Combinators.combine(Arbitraries.integers().between(0, 6), Arbitraries.integers().between(0, 11),
                Arbitraries.integers().between(0, 2)).as((kind, target, size) -> new int[] {kind, target, size})
                .list().ofMinSize(1).ofMaxSize(12);
    }
}
