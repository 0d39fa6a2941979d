package dev.staffing.assignment.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PersonaGapCountTest {

    @Test
    void criticalPersonaWithCriticalGapsLeadsEvenWhenOthersHaveMoreGaps() {
        PersonaGapCount security = count("security-engineer", "Security Engineer", "CRITICAL", 1, 0, 0, 0);
        PersonaGapCount backend = count("backend-engineer", "Backend Engineer", "HIGH", 2, 3, 0, 0);
        PersonaGapCount qa = count("qa-engineer", "QA Engineer", "NORMAL", 0, 0, 4, 6);

        assertThat(sorted(qa, backend, security)).extracting(PersonaGapCount::persona)
                .containsExactly("security-engineer", "backend-engineer", "qa-engineer");
    }

    @Test
    void criticalPersonaWithoutCriticalGapsIsOrderedBySeverityLikeAnyOther() {
        PersonaGapCount security = count("security-engineer", "Security Engineer", "CRITICAL", 0, 0, 1, 0);
        PersonaGapCount backend = count("backend-engineer", "Backend Engineer", "HIGH", 0, 1, 0, 0);
        PersonaGapCount data = count("data-engineer", "Data Engineer", "NORMAL", 0, 0, 1, 2);

        assertThat(sorted(security, data, backend)).extracting(PersonaGapCount::persona)
                .containsExactly("backend-engineer", "data-engineer", "security-engineer");
    }

    @Test
    void equalSeverityGoesByMostGapsThenName() {
        PersonaGapCount frontend = count("frontend-engineer", "Frontend Engineer", "NORMAL", 0, 0, 0, 2);
        PersonaGapCount architect = count("platform-architect", "Platform Architect", "HIGH", 0, 0, 0, 2);
        PersonaGapCount ux = count("ux-designer", "UX Designer", "NORMAL", 0, 0, 0, 3);

        assertThat(sorted(frontend, architect, ux)).extracting(PersonaGapCount::persona)
                .containsExactly("ux-designer", "frontend-engineer", "platform-architect");
    }

    @Test
    void plusCountsOneGapOfItsSeverity() {
        PersonaGapCount count = count("qa-engineer", "QA Engineer", "NORMAL", 0, 0, 0, 0)
                .plus(dev.staffing.events.GapSeverity.HIGH).plus(dev.staffing.events.GapSeverity.LOW)
                .plus(dev.staffing.events.GapSeverity.LOW);

        assertThat(count.high()).isEqualTo(1);
        assertThat(count.low()).isEqualTo(2);
        assertThat(count.total()).isEqualTo(3);
    }

    private static List<PersonaGapCount> sorted(PersonaGapCount... counts) {
        return Stream.of(counts).sorted(PersonaGapCount.BOARD_ORDER).toList();
    }

    private static PersonaGapCount count(String id, String name, String criticality, int critical, int high,
            int medium, int low) {
        return new PersonaGapCount(id, name, criticality, critical, high, medium, low);
    }
}
