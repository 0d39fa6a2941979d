package dev.staffing.assignment.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProjectSlotsColumnTest {

    private final ProjectSlotsColumn column = new ProjectSlotsColumn();

    @Test
    void slotsAreOneJsonArrayInTheirOrderWithTheFieldsOfASlotOnly() {
        List<ProjectSlot> slots = List.of(new ProjectSlot("backend", "backend-engineer", 2, 100, "java", null),
                new ProjectSlot("sec \"1\"", "security-engineer", 1, 25, "", "SENIOR"));

        String written = column.write(slots);

        assertThat(written).isEqualTo("[{\"slotId\":\"backend\",\"persona\":\"backend-engineer\",\"seats\":2,"
                + "\"allocation\":100,\"requiredSkills\":\"java\",\"minSeniority\":null},{\"slotId\":\"sec \\\"1\\\"\","
                + "\"persona\":\"security-engineer\",\"seats\":1,\"allocation\":25,\"requiredSkills\":\"\","
                + "\"minSeniority\":\"SENIOR\"}]");
        assertThat(column.read("p-1", written)).isEqualTo(slots);
        assertThat(column.read("p-1", column.write(List.of()))).isEmpty();
    }

    @Test
    void aColumnThatHoldsNoArrayOfSlotsNamesItsProject() {
        assertThatThrownBy(() -> column.read("p-broken", "{\"slotId\":"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("project p-broken has slots its row cannot be read back from");
        assertThatThrownBy(() -> column.read("p-null", "[null]"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("project p-null has a null where its slots should be");
    }
}
