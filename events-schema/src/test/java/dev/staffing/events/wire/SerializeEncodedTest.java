package dev.staffing.events.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.staffing.events.AssignmentChange;
import dev.staffing.events.AssignmentEvent;
import dev.staffing.events.AssignmentReason;
import dev.staffing.events.GapAlert;
import dev.staffing.events.GapReason;
import dev.staffing.events.GapSeverity;
import dev.staffing.events.GapStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/**
 * Avro binary stored earlier (as the service's outbox stores its events) is sent with the same bytes the
 * serializer writes for the record itself: the same header, registered under the same subject.
 */
class SerializeEncodedTest {

    private static final Instant AT = Instant.parse("2026-03-02T09:15:30.123Z");

    /** A registry that answers every registration with one id, and records what it was asked. */
    private static final class FixedIdRegistry extends SchemaRegistryClient {

        final List<String> subjects = new ArrayList<>();

        FixedIdRegistry() {
            super(List.of("http://127.0.0.1:1"), null);
        }

        @Override
        public int register(String subject, Schema schema) {
            subjects.add(subject + " " + schema.getFullName());
            return 4_242;
        }
    }

    @Test
    void storedBinaryIsSentAsTheRecordWouldBe() throws IOException {
        FixedIdRegistry registry = new FixedIdRegistry();
        AvroWireSerializer serializer = new AvroWireSerializer(registry, true);
        AssignmentEvent assignment = AssignmentEvent.newBuilder().setEventId("a-1").setOccurredAt(AT)
                .setCausationId("in-7").setPool("platform").setProjectId("p-1").setSlotId("backend").setSeat(2)
                .setPersona("backend-engineer").setEmployeeId("e-7").setAllocation(0.5)
                .setChange(AssignmentChange.ASSIGNED).setReason(AssignmentReason.OPEN_SEAT_FILLED)
                .setDetail("e-7 fills backend/2 (é)").build();
        GapAlert gap = GapAlert.newBuilder().setEventId("g-1").setOccurredAt(AT).setPool("platform")
                .setProjectId("p-1").setSlotId("security").setSeat(1).setPersona("security-engineer")
                .setStatus(GapStatus.OPENED).setSeverity(GapSeverity.CRITICAL)
                .setEffectiveDate(LocalDate.parse("2026-03-09")).setReason(GapReason.NO_PERSONA_HOLDER)
                .setDetail("no active person holds security-engineer").setAcknowledgedBy("manager")
                .setAcknowledgedAt(AT).setEscalationLevel(1).setEscalatedAt(AT).build();

        for (SpecificRecord event : List.of(assignment, gap)) {
            byte[] expected = serializer.serialize("staffing-out", event);
            byte[] sent = serializer.serializeEncoded("staffing-out", event.getSchema(), binary(event));

            assertThat(sent).as(event.getSchema().getName()).isEqualTo(expected);
            assertThat(WireFormat.schemaId(sent, "staffing-out")).isEqualTo(4_242);
        }
        assertThat(registry.subjects).containsExactly(
                "staffing-out-value dev.staffing.events.AssignmentEvent",
                "staffing-out-value dev.staffing.events.AssignmentEvent",
                "staffing-out-value dev.staffing.events.GapAlert",
                "staffing-out-value dev.staffing.events.GapAlert");
    }

    /** As the outbox stores it: a writer made from the schema, no header. */
    private static byte[] binary(SpecificRecord event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        new SpecificDatumWriter<SpecificRecord>(event.getSchema()).write(event, encoder);
        encoder.flush();
        return out.toByteArray();
    }
}
