package dev.staffing.assignment.outbox;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Several outbox messages in the payload of one {@code outbox_message} row (payload type {@link #TYPE}), in the
 * order they were appended: a transaction that writes thousands of events inserts, relays and deletes a few
 * rows instead of one each. Each message is its topic, key, payload type, payload and headers, every field
 * length-prefixed (-1 for null).
 */
final class OutboxFrames {

    static final String TYPE = "frames";

    private OutboxFrames() {
    }

    /** A message as it was appended, before it has a row. */
    record Message(String topic, String key, String payloadType, byte[] payload, String headers) {
    }

    static byte[] encode(List<Message> messages) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(messages.size() * 256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(messages.size());
            for (Message message : messages) {
                writeText(out, message.topic());
                writeText(out, message.key());
                writeText(out, message.payloadType());
                out.writeInt(message.payload().length);
                out.write(message.payload());
                writeText(out, message.headers());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not frame " + messages.size() + " outbox messages", e);
        }
        return bytes.toByteArray();
    }

    /** The messages of row {@code id}, each carrying the row's id and time. */
    static List<OutboxMessage> decode(long id, byte[] payload, Instant createdAt) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            int count = in.readInt();
            List<OutboxMessage> messages = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                String topic = readText(in);
                String key = readText(in);
                String payloadType = readText(in);
                byte[] body = new byte[in.readInt()];
                in.readFully(body);
                messages.add(new OutboxMessage(id, topic, key, payloadType, body, readText(in), createdAt));
            }
            return messages;
        } catch (IOException e) {
            throw new UncheckedIOException("Outbox row " + id + " holds malformed frames", e);
        }
    }

    private static void writeText(DataOutputStream out, String text) throws IOException {
        if (text == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readText(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        byte[] utf8 = new byte[length];
        in.readFully(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }
}
