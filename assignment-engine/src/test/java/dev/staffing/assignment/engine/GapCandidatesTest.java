package dev.staffing.assignment.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every empty seat names its nearest candidates, what stops each, and the smallest change that fills it. */
class GapCandidatesTest {

    @Test
    void suggestsMovingSomeoneFromASeatOfLowerWeight() {
        PoolBuilder.Decided decided = new PoolBuilder()
                .person("e-1", "security-engineer")
                .seats("p-1", "security", "security-engineer", 1, 100, 25)
                .seats("p-2", "security", "security-engineer", 1, 100, 5)
                .holding("p-2", "security", 1, "e-1", 100, 1)
                .churnBudget(0)
                .decide();

        assertThat(decided.gaps()).singleElement().satisfies(gap -> {
            assertThat(gap.cause()).isEqualTo(GapCause.ALL_AT_CAPACITY);
            assertThat(gap.candidates()).containsExactly("e-1: at capacity on p-2/security/1");
            assertThat(gap.suggestion()).isEqualTo(
                    "move e-1 from p-2/security/1 (weight 5) to this seat (weight 25); p-2/security/1 opens instead");
        });
    }

    @Test
    void neverSuggestsEmptyingASeatOfHigherWeight() {
        PoolBuilder.Decided decided = new PoolBuilder()
                .person("e-1", "security-engineer")
                .seats("p-1", "security", "security-engineer", 1, 100, 5)
                .seats("p-2", "security", "security-engineer", 1, 100, 25)
                .decide();

        assertThat(decided.gaps()).singleElement().satisfies(gap -> {
            assertThat(gap.seat().projectId()).isEqualTo("p-1");
            assertThat(gap.candidates()).containsExactly("e-1: at capacity on p-2/security/1");
            assertThat(gap.suggestion()).isEqualTo("no move fills it without emptying a seat of equal or higher weight");
        });
    }

    @Test
    void ranksCandidatesByWhatStopsThemAndSuggestsTheMissingSkill() {
        PoolBuilder.Decided decided = new PoolBuilder()
                .person("e-1", Set.of("devops-engineer"), Set.of(), 2, 100)
                .person("e-2", Set.of("devops-engineer"), Set.of("aws"), 2, 100)
                .person("e-3", Set.of("devops-engineer"), Set.of("kubernetes", "aws"), 2, 100).onLeave("e-3")
                .seats("p-1", "devops", "devops-engineer", 1, 100, 6, Set.of("kubernetes", "aws"), 0)
                .decide();

        assertThat(decided.gaps()).singleElement().satisfies(gap -> {
            assertThat(gap.candidates()).containsExactly("e-2: lacks skill kubernetes",
                    "e-3: on leave 2026-11-23 to 2026-12-07", "e-1: lacks skill aws; lacks skill kubernetes");
            assertThat(gap.suggestion()).isEqualTo("add skill kubernetes to e-2");
        });
    }

    @Test
    void withNoOneOfThePersonaItSaysToHireOrReskill() {
        PoolBuilder.Decided decided = new PoolBuilder()
                .person("e-1", "backend-engineer")
                .seats("p-1", "security", "security-engineer", 1, 100, 25)
                .decide();

        assertThat(decided.gaps()).singleElement().satisfies(gap -> {
            assertThat(gap.candidates()).isEmpty();
            assertThat(gap.suggestion()).isEqualTo("hire or reskill someone as security-engineer");
        });
    }

    @Test
    void theExplanationOnRequestReflectsThePoolAsItIsNow() {
        StaffingPool pool = new PoolBuilder()
                .person("e-1", Set.of("devops-engineer"), Set.of("aws"), 2, 100)
                .seats("p-1", "devops", "devops-engineer", 1, 100, 6, Set.of("kubernetes"), 0)
                .seats("p-2", "devops", "devops-engineer", 1, 100, 1)
                .build();
        pool.decide();
        SeatKey seat = new SeatKey("p-1", "devops", 1);
        assertThat(pool.explain(seat)).hasValueSatisfying(gap ->
                assertThat(gap.candidates()).containsExactly("e-1: lacks skill kubernetes; at capacity on p-2/devops/1"));

        pool.putPerson(new Candidate("e-2", Set.of("devops-engineer"), Set.of(), 1, 100));
        pool.decide();

        assertThat(pool.explain(seat)).hasValueSatisfying(gap -> assertThat(gap.candidates()).containsExactly(
                "e-2: lacks skill kubernetes", "e-1: lacks skill kubernetes; at capacity on p-2/devops/1"));
    }
}
