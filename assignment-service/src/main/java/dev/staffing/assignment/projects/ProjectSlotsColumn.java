package dev.staffing.assignment.projects;

import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * A project's slots as its row keeps them, in the {@code slots} column: one JSON array in position order,
 * an object per slot with the fields of {@link ProjectSlot}, for instance
 * {@code [{"slotId":"backend","persona":"backend-engineer","seats":2,"allocation":100,"requiredSkills":"java",
 * "minSeniority":null}]}. Its own mapper, not the web's, so that what is stored does not follow the HTTP API's
 * JSON settings.
 */
@Component
public class ProjectSlotsColumn {

    private final JsonMapper json = JsonMapper.builder().build();
    private final JavaType slotList = json.getTypeFactory().constructCollectionType(List.class, ProjectSlot.class);

    public String write(List<ProjectSlot> slots) {
        return json.writeValueAsString(slots);
    }

    /**
     * The slots of project {@code projectId} from its column.
     *
     * @throws IllegalStateException naming the project, where the column holds no such array
     */
    public List<ProjectSlot> read(String projectId, String column) {
        try {
            List<ProjectSlot> slots = json.readValue(column, slotList);
            if (slots == null || slots.contains(null)) {
                throw new IllegalStateException("project " + projectId + " has a null where its slots should be: "
                        + column);
            }
            return slots;
        } catch (JacksonException e) {
            throw new IllegalStateException("project " + projectId + " has slots its row cannot be read back from: "
                    + e.getOriginalMessage(), e);
        }
    }
}
