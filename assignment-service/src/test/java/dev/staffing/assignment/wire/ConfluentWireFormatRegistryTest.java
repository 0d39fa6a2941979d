package dev.staffing.assignment.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.staffing.assignment.support.SharedInfrastructure;
import dev.staffing.events.GapAlert;
import dev.staffing.events.GapReason;
import dev.staffing.events.GapSeverity;
import dev.staffing.events.GapStatus;
import dev.staffing.events.wire.AvroWireDeserializer;
import dev.staffing.events.wire.AvroWireSerializer;
import dev.staffing.events.wire.RegistryUnavailableException;
import dev.staffing.events.wire.SchemaRegistryException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** The wire-format serde against a real registry speaking the Confluent REST API (Apicurio). */
class ConfluentWireFormatRegistryTest {

    private final String registryUrl = SharedInfrastructure.get().registryUrl();
    private final String topic = "wire-" + UUID.randomUUID();

    @Test
    void recordsRoundTripAndCarryTheIdTheRegistryGaveTheirSubject() throws Exception {
        GapAlert alert = alert();
        byte[] bytes = serializer().serialize(topic, alert);

        assertThat(bytes[0]).isZero();
        int idInBytes = ByteBuffer.wrap(bytes, 1, 4).getInt();
        String latest = get(registryUrl + "/subjects/" + topic + "-value/versions/latest");
        assertThat(latest).contains("\"id\":" + idInBytes);
        assertThat(deserializer(true).deserialize(topic, bytes)).isEqualTo(alert);
        assertThat(serializer().serialize(topic, alert)).as("a fresh serializer finds the same id").isEqualTo(bytes);
    }

    @Test
    void genericReadersGetGenericRecords() {
        byte[] bytes = serializer().serialize(topic, alert());

        Object read = deserializer(false).deserialize(topic, bytes);

        assertThat(read).isInstanceOf(GenericRecord.class);
        assertThat(((GenericRecord) read).get("persona").toString()).isEqualTo("security-engineer");
    }

    @Test
    void incompatibleChangeUnderTheSameSubjectIsRefusedForGood() {
        Schema first = new Schema.Parser().parse(
                "{\"type\":\"record\",\"name\":\"Probe\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"}]}");
        Schema incompatible = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"Probe\",\"fields\":"
                + "[{\"name\":\"a\",\"type\":\"string\"},{\"name\":\"b\",\"type\":\"int\"}]}");
        serializer().serialize(topic, record(first));

        assertThatThrownBy(() -> serializer().serialize(topic, record(incompatible)))
                .isInstanceOf(SchemaRegistryException.class)
                .isNotInstanceOf(RegistryUnavailableException.class)
                .hasMessageContaining(topic + "-value")
                .satisfies(error -> assertThat(((SchemaRegistryException) error).httpStatus()).isEqualTo(409));
    }

    @Test
    void unknownSchemaIdIsNamed() {
        byte[] bytes = {0, 0x7f, 0x7f, 0x7f, 0x7f, 2, 0x61};

        assertThatThrownBy(() -> deserializer(true).deserialize(topic, bytes))
                .isInstanceOf(SerializationException.class)
                .isNotInstanceOf(RegistryUnavailableException.class)
                .hasMessageContaining(String.valueOf(0x7f7f7f7f));
    }

    @Test
    void unreachableRegistryIsTransient() {
        AvroWireSerializer serializer = new AvroWireSerializer();
        serializer.configure(Map.of("schema.registry.url", "http://127.0.0.1:9"), false);

        assertThatThrownBy(() -> serializer.serialize(topic, alert())).isInstanceOf(RegistryUnavailableException.class)
                .hasMessageContaining("127.0.0.1:9");
    }

    @Test
    void withoutAutoRegistrationAKnownSchemaIsFoundAndAnUnknownOneRefusedForGood() {
        byte[] registered = serializer().serialize(topic, alert());
        AvroWireSerializer lookupOnly = new AvroWireSerializer();
        lookupOnly.configure(Map.of("schema.registry.url", registryUrl, "auto.register.schemas", false), false);

        assertThat(lookupOnly.serialize(topic, alert())).isEqualTo(registered);
        assertThatThrownBy(() -> lookupOnly.serialize(topic + "-never-registered", alert()))
                .isInstanceOf(SchemaRegistryException.class)
                .isNotInstanceOf(RegistryUnavailableException.class)
                .hasMessageContaining(topic + "-never-registered-value");
    }

    @Test
    void theNextRegistryUrlIsTriedWhenTheFirstIsUnreachable() {
        AvroWireSerializer serializer = new AvroWireSerializer();
        serializer.configure(Map.of("schema.registry.url", "http://127.0.0.1:9," + registryUrl), false);

        byte[] bytes = serializer.serialize(topic, alert());

        assertThat(deserializer(true).deserialize(topic, bytes)).isEqualTo(alert());
    }

    private AvroWireSerializer serializer() {
        AvroWireSerializer serializer = new AvroWireSerializer();
        serializer.configure(Map.of("schema.registry.url", registryUrl), false);
        return serializer;
    }

    private AvroWireDeserializer deserializer(boolean specific) {
        AvroWireDeserializer deserializer = new AvroWireDeserializer();
        deserializer.configure(Map.of("schema.registry.url", registryUrl, "specific.avro.reader", specific), false);
        return deserializer;
    }

    private static GenericRecord record(Schema schema) {
        GenericRecord record = new GenericData.Record(schema);
        schema.getFields().forEach(field -> record.put(field.name(),
                field.schema().getType() == Schema.Type.INT ? 1 : "x"));
        return record;
    }

    private static GapAlert alert() {
        return GapAlert.newBuilder().setEventId("a-1").setOccurredAt(Instant.ofEpochMilli(1_700_000_000_000L))
                .setPool("default").setProjectId("p-1").setSlotId("security").setSeat(1)
                .setPersona("security-engineer").setStatus(GapStatus.OPENED).setSeverity(GapSeverity.CRITICAL)
                .setEffectiveDate(LocalDate.of(2026, 11, 24)).setReason(GapReason.NO_PERSONA_HOLDER)
                .setDetail("no active person in the pool holds persona security-engineer").build();
    }

    private static String get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
