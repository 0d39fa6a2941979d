package dev.staffing.events.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * A small client of the Confluent Schema Registry REST API: register a schema under a subject, find the
 * id a schema already has there, find a schema by id. Answers are cached per instance (ids never change
 * meaning); failures are not. Failures throw {@link SchemaRegistryException}, or its subclass
 * {@link RegistryUnavailableException} where a retry may succeed.
 */
public class SchemaRegistryClient {

    static final int CACHE_SIZE = 1_000;

    private final ObjectMapper json = new ObjectMapper();
    private final RegistryHttp http;
    private final BoundedCache<SubjectSchema, Integer> idsBySubjectAndSchema = new BoundedCache<>(CACHE_SIZE);
    /**
     * The same ids by the schema object itself: a serializer passes the one schema instance of a generated
     * class with every record, so this finds its id without printing the schema as JSON each time.
     */
    private final BoundedCache<SameSchema, Integer> idsBySchemaInstance = new BoundedCache<>(CACHE_SIZE);
    private final BoundedCache<Integer, Schema> schemasById = new BoundedCache<>(CACHE_SIZE);

    /**
     * @param baseUrls registry base URLs (for Apicurio, ending in {@code /apis/ccompat/v7}), tried in turn
     * @param userInfo {@code user:password} for HTTP basic auth, or null for none
     */
    public SchemaRegistryClient(List<String> baseUrls, String userInfo) {
        this.http = new RegistryHttp(baseUrls, userInfo, json);
    }

    /** Registers the schema under the subject (the registry returns the existing id if it is there) and gives its id. */
    public int register(String subject, Schema schema) {
        return idsBySchemaInstance.get(new SameSchema(subject, schema), same -> registerBySchemaText(subject, schema));
    }

    private int registerBySchemaText(String subject, Schema schema) {
        return idsBySubjectAndSchema.get(new SubjectSchema(subject, schema.toString()), key -> {
            JsonNode answer = http.send("POST", "/subjects/" + encode(subject) + "/versions", body(schema),
                    "subject " + subject);
            int id = idOf(answer, "registering " + schema.getFullName() + " under subject " + subject);
            schemasById.put(id, schema);
            return id;
        });
    }

    /** The id the schema already has under the subject, without registering it (auto.register.schemas=false). */
    public int lookup(String subject, Schema schema) {
        return idsBySchemaInstance.get(new SameSchema(subject, schema), same -> lookupBySchemaText(subject, schema));
    }

    private int lookupBySchemaText(String subject, Schema schema) {
        return idsBySubjectAndSchema.get(new SubjectSchema(subject, schema.toString()), key -> {
            JsonNode answer = http.send("POST", "/subjects/" + encode(subject), body(schema), "subject " + subject);
            return idOf(answer, "looking up " + schema.getFullName() + " under subject " + subject);
        });
    }

    /** The schema registered with this id. */
    public Schema schemaById(int id) {
        return schemasById.get(id, key -> {
            JsonNode answer = http.send("GET", "/schemas/ids/" + id, null, "schema id " + id);
            String schemaType = answer.path("schemaType").asText("AVRO");
            if (!"AVRO".equalsIgnoreCase(schemaType)) {
                throw new SchemaRegistryException("Schema id " + id + " is a " + schemaType
                        + " schema, not Avro", 200);
            }
            try {
                return new Schema.Parser().parse(answer.path("schema").asText());
            } catch (SchemaParseException e) {
                throw new SchemaRegistryException("Schema id " + id + " from the registry is not a valid Avro schema: "
                        + e.getMessage(), e);
            }
        });
    }

    private static int idOf(JsonNode answer, String what) {
        if (!answer.path("id").canConvertToInt()) {
            throw new RegistryUnavailableException("Schema registry answered " + what + " without an id: " + answer,
                    200);
        }
        return answer.path("id").asInt();
    }

    private String body(Schema schema) {
        try {
            return json.writeValueAsString(Map.of("schema", schema.toString()));
        } catch (IOException e) {
            throw new SchemaRegistryException("Could not encode schema " + schema.getFullName() + " as JSON", e);
        }
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private record SubjectSchema(String subject, String schema) {
    }

    /** A subject and one schema instance: equal only for that very instance (schemas are compared by identity). */
    private static final class SameSchema {

        private final String subject;
        private final Schema schema;

        SameSchema(String subject, Schema schema) {
            this.subject = subject;
            this.schema = schema;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof SameSchema same && same.schema == schema && same.subject.equals(subject);
        }

        @Override
        public int hashCode() {
            return 31 * subject.hashCode() + System.identityHashCode(schema);
        }
    }
}
