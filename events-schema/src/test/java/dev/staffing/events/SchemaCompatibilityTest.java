package dev.staffing.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Each schema must read what its last released version wrote (BACKWARD, the registry's rule), checked
 * with Avro's own compatibility checker against the released copies kept in src/test/resources/released.
 */
class SchemaCompatibilityTest {

    private static final String RELEASED = "/released/0.1.0/";

    static List<Schema> currentSchemas() {
        return List.of(EmployeeEvent.getClassSchema(), ProjectEvent.getClassSchema(),
                AssignmentEvent.getClassSchema(), GapAlert.getClassSchema());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("currentSchemas")
    void currentSchemaReadsWhatItsReleasedVersionWrote(Schema current) throws IOException {
        Schema released = releasedSchemas().get(current.getFullName());

        assertThat(released).as("released copy of %s", current.getFullName()).isNotNull();
        assertThat(backwardCompatible(current, released))
                .as("%s can read data written with release 0.1.0", current.getFullName())
                .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    }

    @Test
    void theCheckCatchesAFieldAddedWithoutDefault() throws IOException {
        Schema released = releasedSchemas().get("dev.staffing.events.GapAlert");
        String withNewRequiredField = released.toString()
                .replace("{\"name\":\"detail\"", "{\"name\":\"owner\",\"type\":\"string\"},{\"name\":\"detail\"");
        Schema broken = new Schema.Parser().parse(withNewRequiredField);

        assertThat(backwardCompatible(broken, released)).isEqualTo(SchemaCompatibilityType.INCOMPATIBLE);
    }

    @Test
    void theCheckAcceptsAFieldAddedWithDefault() throws IOException {
        Schema released = releasedSchemas().get("dev.staffing.events.GapAlert");
        Schema evolved = new Schema.Parser().parse(released.toString().replace("{\"name\":\"detail\"",
                "{\"name\":\"owner\",\"type\":[\"null\",\"string\"],\"default\":null},{\"name\":\"detail\""));

        assertThat(backwardCompatible(evolved, released)).isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("currentSchemas")
    void everyFieldIsDocumented(Schema schema) {
        List<String> undocumented = new ArrayList<>();
        collectUndocumented(schema, undocumented, new ArrayList<>());
        assertThat(undocumented).isEmpty();
    }

    private static SchemaCompatibilityType backwardCompatible(Schema reader, Schema writer) {
        return SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getType();
    }

    private static void collectUndocumented(Schema schema, List<String> undocumented, List<String> seen) {
        switch (schema.getType()) {
            case RECORD -> {
                if (seen.contains(schema.getFullName())) {
                    return;
                }
                seen.add(schema.getFullName());
                for (Schema.Field field : schema.getFields()) {
                    if (field.doc() == null || field.doc().isBlank()) {
                        undocumented.add(schema.getFullName() + "." + field.name());
                    }
                    collectUndocumented(field.schema(), undocumented, seen);
                }
            }
            case UNION -> schema.getTypes().forEach(type -> collectUndocumented(type, undocumented, seen));
            case ARRAY -> collectUndocumented(schema.getElementType(), undocumented, seen);
            default -> {
            }
        }
    }

    /** The released schemas by full name; shared named types are parsed first. */
    private static Map<String, Schema> releasedSchemas() throws IOException {
        Schema.Parser parser = new Schema.Parser();
        for (String file : List.of("Seniority", "Slot", "EmployeeEvent", "ProjectEvent", "AssignmentEvent",
                "GapAlert")) {
            try (InputStream in = SchemaCompatibilityTest.class.getResourceAsStream(RELEASED + file + ".avsc")) {
                parser.parse(in);
            }
        }
        return parser.getTypes();
    }
}
