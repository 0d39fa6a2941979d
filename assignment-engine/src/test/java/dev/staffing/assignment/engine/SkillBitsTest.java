package dev.staffing.assignment.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Skills compared by mask: a pool's first 64 skills get a bit, later ones are compared as sets, and either
 * way a slot admits exactly the people who have every skill it asks for.
 */
class SkillBitsTest {

    private static final Set<String> SIXTY_FOUR_SKILLS = IntStream.range(0, 64)
            .mapToObj(i -> String.format("s-%02d", i)).collect(Collectors.toUnmodifiableSet());

    @Test
    void theFirstSixtyFourSkillsGetABitEachAndLaterOnesNone() {
        SkillBits bits = new SkillBits();
        long all = bits.maskOf(SIXTY_FOUR_SKILLS);

        assertThat(Long.bitCount(all)).isEqualTo(64);
        assertThat(bits.allHaveBits(SIXTY_FOUR_SKILLS)).isTrue();
        assertThat(Long.bitCount(bits.maskOf(Set.of("s-07")))).as("a skill keeps its bit").isOne();
        assertThat(bits.maskOf(Set.of("late"))).isZero();
        assertThat(bits.allHaveBits(Set.of("s-07", "late"))).isFalse();
    }

    @Test
    void aSkillWithoutABitIsStillRequired() {
        // e-0 names 64 skills first, so "kafka" comes too late for a bit; e-2 has every bit the slot's mask has.
        PoolBuilder.Decided decided = new PoolBuilder()
                .person("e-0", Set.of("architect"), SIXTY_FOUR_SKILLS, 1, 100)
                .person("e-1", Set.of("backend-engineer"), Set.of("kafka", "s-01"), 1, 100)
                .person("e-2", Set.of("backend-engineer"), Set.of("s-01"), 1, 100)
                .seats("p-1", "kafka", "backend-engineer", 2, 50, 10, Set.of("kafka", "s-01"), 0)
                .seats("p-2", "other", "architect", 1, 100, 1)
                .decide();

        assertThat(decided.pool().isExact()).as("two allocations: the greedy fill decides").isFalse();
        assertThat(decided.holdings()).filteredOn(holding -> holding.seat().projectId().equals("p-1"))
                .extracting(Holding::personId).containsExactly("e-1");
        assertThat(decided.gaps()).filteredOn(gap -> gap.seat().projectId().equals("p-1")).singleElement()
                .satisfies(gap -> assertThat(gap.candidates()).contains("e-2: lacks skill kafka"));
    }

    @Test
    void aPersonWhoLearnsTheSkillIsSeated() {
        StaffingPool pool = new PoolBuilder()
                .person("e-1", Set.of("backend-engineer"), Set.of("java"), 1, 100)
                .seats("p-1", "kafka", "backend-engineer", 1, 50, 10, Set.of("kafka"), 0)
                .seats("p-2", "java", "backend-engineer", 1, 25, 1, Set.of("java"), 0)
                .build();
        pool.decide();
        assertThat(pool.holdings()).extracting(holding -> holding.seat().projectId()).containsExactly("p-2");

        pool.putPerson(new Candidate("e-1", Set.of("backend-engineer"), Set.of("java", "kafka"), 1, 100));
        pool.decide();

        assertThat(pool.holdings()).extracting(holding -> holding.seat().projectId())
                .containsExactlyInAnyOrderElementsOf(List.of("p-1", "p-2"));
        assertThat(pool.gaps()).isEmpty();
    }
}
