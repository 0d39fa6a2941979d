package dev.staffing.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each schema must read what its last released version wrote (BACKWARD, the registry's rule), checked
 * with Avro's own compatibility checker against the released copies kept in src/test/resources/released:
 * every top-level schema found there must still have a generated class whose schema can read it.
 */
class SchemaCompatibilityTest {

    private static final String RELEASED = "/released/0.1.0";
    /** Named types that other released schemas refer to, parsed first and in this order. */
    private static final List<String> SHARED_TYPES = List.of("Seniority", "Slot");

    static Stream<String> releasedSchemaNames() throws IOException {
        return releasedSchemas().keySet().stream();
    }

    static Stream<Schema> currentSchemas() throws IOException {
        return avscNames("/avro/dev/staffing/events").stream().map(name -> current("dev.staffing.events." + name));
    }

    @Test
    void everyReleasedSchemaIsFound() throws IOException {
        assertThat(releasedSchemas().keySet()).containsAll(Set.of("dev.staffing.events.EmployeeEvent",
                "dev.staffing.events.ProjectEvent", "dev.staffing.events.AssignmentEvent",
                "dev.staffing.events.GapAlert", "dev.staffing.events.Seniority", "dev.staffing.events.Slot"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("releasedSchemaNames")
    void currentSchemaReadsWhatItsReleasedVersionWrote(String fullName) throws IOException {
        Schema released = releasedSchemas().get(fullName);

        SchemaCompatibility.SchemaPairCompatibility result =
                SchemaCompatibility.checkReaderWriterCompatibility(current(fullName), released);

        assertThat(result.getType()).as("%s reads data written with release 0.1.0: %s", fullName,
                result.getDescription()).isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    }

    @Test
    void theCheckCatchesAFieldAddedWithoutDefault() throws IOException {
        Schema released = releasedSchemas().get("dev.staffing.events.GapAlert");
        Schema broken = reparse(released, "{\"name\":\"detail\"",
                "{\"name\":\"owner\",\"type\":\"string\"},{\"name\":\"detail\"");

        assertThat(backwardCompatibility(broken, released)).isEqualTo(SchemaCompatibilityType.INCOMPATIBLE);
    }

    @Test
    void theCheckCatchesARemovedEnumSymbol() throws IOException {
        Schema released = releasedSchemas().get("dev.staffing.events.GapAlert");
        Schema broken = reparse(released, "\"UPDATED\",\"RESOLVED\"]", "\"UPDATED\"]");

        assertThat(backwardCompatibility(broken, released)).isEqualTo(SchemaCompatibilityType.INCOMPATIBLE);
    }

    @Test
    void theCheckAcceptsAFieldAddedWithDefault() throws IOException {
        Schema released = releasedSchemas().get("dev.staffing.events.GapAlert");
        Schema evolved = reparse(released, "{\"name\":\"detail\"",
                "{\"name\":\"owner\",\"type\":[\"null\",\"string\"],\"default\":null},{\"name\":\"detail\"");

        assertThat(backwardCompatibility(evolved, released)).isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("currentSchemas")
    void everyFieldIsDocumented(Schema schema) {
        List<String> undocumented = new ArrayList<>();
        collectUndocumented(schema, undocumented, new ArrayList<>());

        assertThat(undocumented).as("fields without a doc").isEmpty();
    }

    /** The one helper both the real check and the negative tests use: can {@code reader} read {@code writer}'s data. */
    private static SchemaCompatibilityType backwardCompatibility(Schema reader, Schema writer) {
        return SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getType();
    }

    private static Schema reparse(Schema schema, String target, String replacement) {
        String text = schema.toString();
        assertThat(text).as("the edit applies").contains(target);
        return new Schema.Parser().parse(text.replace(target, replacement));
    }

    private static Schema current(String fullName) {
        try {
            return SpecificData.get().getSchema(Class.forName(fullName));
        } catch (ClassNotFoundException e) {
            throw new AssertionError("Released schema " + fullName + " has no generated class any more; "
                    + "removing a schema breaks its consumers", e);
        }
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
            case MAP -> collectUndocumented(schema.getValueType(), undocumented, seen);
            default -> {
            }
        }
    }

    /** The top-level schema of each released file by full name; shared named types are parsed first. */
    private static Map<String, Schema> releasedSchemas() throws IOException {
        List<String> names = new ArrayList<>(SHARED_TYPES);
        avscNames(RELEASED).stream().filter(name -> !SHARED_TYPES.contains(name)).forEach(names::add);
        Schema.Parser parser = new Schema.Parser();
        Map<String, Schema> schemas = new LinkedHashMap<>();
        for (String name : names) {
            try (InputStream in = SchemaCompatibilityTest.class.getResourceAsStream(RELEASED + "/" + name + ".avsc")) {
                Schema schema = parser.parse(in);
                schemas.put(schema.getFullName(), schema);
            }
        }
        return schemas;
    }

    /** The .avsc files directly in a classpath folder, by name without the extension, sorted. */
    private static List<String> avscNames(String folder) throws IOException {
        URL url = SchemaCompatibilityTest.class.getResource(folder);
        assertThat(url).as("classpath folder %s", folder).isNotNull();
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".avsc"))
                    .map(name -> name.substring(0, name.length() - ".avsc".length()))
                    .sorted(Comparator.naturalOrder()).toList();
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
    }
}
