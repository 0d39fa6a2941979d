package dev.staffing.assignment.engine;

import static dev.staffing.assignment.engine.PoolBuilder.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Gaps announced ahead of their day, within the horizon, and acted on when the day comes. */
class FutureGapsTest {

    @Test
    void holderDepartingWithinTheHorizonRaisesAGapOnTheHeldSeatFromThatDay() {
        PoolBuilder.Decided decided = new PoolBuilder()
                .person("e-1", "security-engineer")
                .absence("e-1", Absence.departure(TODAY.plusDays(10)))
                .seats("p-1", "security", "security-engineer", 1, 100, 25)
                .holding("p-1", "security", 1, "e-1", 100, 1)
                .horizonDays(60)
                .decide();

        assertThat(decided.changes()).as("still working until then").isEmpty();
        assertThat(decided.gaps()).singleElement().satisfies(gap -> {
            assertThat(gap.cause()).isEqualTo(GapCause.HOLDER_DEPARTED);
            assertThat(gap.effectiveDate()).isEqualTo(TODAY.plusDays(10));
            assertThat(gap.detail()).isEqualTo("holder e-1 departs: effective " + TODAY.plusDays(10));
        });
    }

    @Test
    void whenTheDayComesTheHolderIsReleasedAndTheAnnouncedGapStaysAsItWas() {
        StaffingPool pool = new PoolBuilder()
                .person("e-1", "security-engineer")
                .absence("e-1", Absence.departure(TODAY.plusDays(10)))
                .seats("p-1", "security", "security-engineer", 1, 100, 25)
                .holding("p-1", "security", 1, "e-1", 100, 1)
                .horizonDays(60)
                .build();
        pool.decide();

        pool.advanceTo(TODAY.plusDays(9));
        assertThat(pool.decide().isEmpty()).as("the day before").isTrue();
        pool.advanceTo(TODAY.plusDays(10));
        PoolDecision onTheDay = pool.decide();

        assertThat(onTheDay.changes()).singleElement()
                .satisfies(change -> assertThat(change.reason()).isEqualTo(ChangeReason.PERSON_DEPARTED));
        assertThat(onTheDay.gapChanges()).as("the gap announced ahead is the gap now: no new alert").isEmpty();
        assertThat(pool.gaps()).singleElement()
                .satisfies(gap -> assertThat(gap.effectiveDate()).isEqualTo(TODAY.plusDays(10)));
    }

    @Test
    void leaveBeyondTheHorizonRaisesNothingYet() {
        PoolBuilder.Decided decided = new PoolBuilder()
                .person("e-1", "qa-engineer")
                .absence("e-1", Absence.leave(TODAY.plusDays(90), TODAY.plusDays(100)))
                .seats("p-1", "qa", "qa-engineer", 1, 100, 4)
                .holding("p-1", "qa", 1, "e-1", 100, 1)
                .horizonDays(60)
                .decide();

        assertThat(decided.gaps()).isEmpty();
    }

    @Test
    void projectStartingWithinTheHorizonAnnouncesItsEmptySeatFromItsStart() {
        PoolBuilder.Decided decided = new PoolBuilder()
                .seatsFrom(TODAY.plusDays(20), "p-soon", "security", "security-engineer", 1)
                .seatsFrom(TODAY.plusDays(200), "p-later", "security", "security-engineer", 1)
                .horizonDays(60)
                .decide();

        assertThat(decided.gaps()).singleElement().satisfies(gap -> {
            assertThat(gap.seat().projectId()).isEqualTo("p-soon");
            assertThat(gap.effectiveDate()).isEqualTo(TODAY.plusDays(20));
        });
    }

    @Test
    void aLeaveEndsAndTheHolderComesBackToAnOpenSeat() {
        StaffingPool pool = new PoolBuilder()
                .person("e-1", "qa-engineer")
                .absence("e-1", Absence.leave(TODAY.plusDays(1), TODAY.plusDays(5)))
                .seats("p-1", "qa", "qa-engineer", 1, 100, 4)
                .holding("p-1", "qa", 1, "e-1", 100, 1)
                .build();
        pool.decide();

        pool.advanceTo(TODAY.plusDays(1));
        assertThat(pool.decide().changes()).extracting(AssignmentChange::reason)
                .containsExactly(ChangeReason.PERSON_ON_LEAVE);
        pool.advanceTo(TODAY.plusDays(6));
        PoolDecision back = pool.decide();

        assertThat(back.changes()).extracting(AssignmentChange::reason).containsExactly(ChangeReason.OPEN_SEAT_FILLED);
        assertThat(back.gapChanges()).singleElement().isInstanceOf(GapChange.Resolved.class);
    }

    @Test
    void anAnnouncedDepartureGapGivesWayToTheSeatsOwnCauseWhenTheHolderLeavesItEarlyAlsoAfterARebuild() {
        StaffingPool lived = new PoolBuilder()
                .person("e-1", "security-engineer")
                .absence("e-1", Absence.departure(TODAY.plusDays(10)))
                .seats("p-1", "security", "security-engineer", 1, 100, 25)
                .holding("p-1", "security", 1, "e-1", 100, 1)
                .horizonDays(60)
                .build();
        lived.decide();
        // Rebuilt as the service does it: from the stored state, told the next event, then asked to decide.
        StaffingPool rebuilt = StaffingPool.restore(lived.snapshot(), new EngineSettings(60, 3));

        // The seat now asks for another persona: the holder leaves it today, not on the departure day.
        ProjectDemand reshaped = new ProjectDemand("p-1", TODAY, LocalDate.MAX,
                List.of(new SlotDemand("security", "platform-architect", 1, 100, Set.of(), 0, 25)));
        for (StaffingPool pool : List.of(lived, rebuilt)) {
            pool.putProject(reshaped);
            pool.decide();
            assertThat(pool.gaps()).singleElement().satisfies(gap -> {
                assertThat(gap.cause()).isEqualTo(GapCause.NO_PERSONA_HOLDER);
                assertThat(gap.effectiveDate()).isEqualTo(TODAY);
            });
        }
    }
}
