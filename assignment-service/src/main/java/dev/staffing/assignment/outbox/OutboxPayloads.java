package dev.staffing.assignment.outbox;

import dev.staffing.events.AssignmentEvent;
import dev.staffing.events.GapAlert;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;

/** Turns stored Avro binary back into the event record that the configured Kafka serializer sends. */
final class OutboxPayloads {

    private static final Map<String, Schema> SCHEMAS = Map.of(
            AssignmentEvent.getClassSchema().getFullName(), AssignmentEvent.getClassSchema(),
            GapAlert.getClassSchema().getFullName(), GapAlert.getClassSchema());

    private OutboxPayloads() {
    }

    static SpecificRecord decode(OutboxMessage message) {
        Schema schema = SCHEMAS.get(message.payloadType());
        if (schema == null) {
            throw new IllegalStateException("Outbox message " + message.id() + " has unknown payload type "
                    + message.payloadType());
        }
        try {
            return new SpecificDatumReader<SpecificRecord>(schema)
                    .read(null, DecoderFactory.get().binaryDecoder(message.payload(), null));
        } catch (IOException e) {
            throw new UncheckedIOException("Outbox message " + message.id() + " could not be decoded", e);
        }
    }
}
