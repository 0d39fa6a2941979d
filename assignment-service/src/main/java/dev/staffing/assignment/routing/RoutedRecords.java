package dev.staffing.assignment.routing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;

/**
 * A record of an input topic as the router forwards it to the pool topic, and back: the original value bytes,
 * timestamp and headers travel unchanged, the original key and where the record came from travel in headers
 * (UTF-8 text), so that ingest hands its batch processor, dead letters and metrics exactly the record they
 * would have read from the input topic.
 */
public final class RoutedRecords {

    /** The input topic the record was read from. */
    public static final String SOURCE_TOPIC = "staffing-source-topic";
    /** Its partition there, in decimal. */
    public static final String SOURCE_PARTITION = "staffing-source-partition";
    /** Its offset there, in decimal. */
    public static final String SOURCE_OFFSET = "staffing-source-offset";
    /** Its key there; without a value when it had none. */
    public static final String SOURCE_KEY = "staffing-source-key";
    /** The staffing pool the event names, which is the record's key on the pool topic; without a value when it names none
     * that could be read. */
    public static final String POOL = "staffing-pool";

    private static final List<String> ROUTING_HEADERS = List.of(SOURCE_TOPIC, SOURCE_PARTITION, SOURCE_OFFSET,
            SOURCE_KEY, POOL);

    private RoutedRecords() {
    }

    /**
     * The record to send to the pool topic: keyed by the event's pool, or by its original key when it names no
     * pool that could be read (ingest then dead-letters it as it would have without routing).
     */
    static ProducerRecord<String, byte[]> forward(ConsumerRecord<String, byte[]> source, String poolTopic,
            Optional<String> pool) {
        Headers headers = new RecordHeaders(source.headers().toArray());
        // Appended after the original headers, so that the last header of each name is the router's.
        headers.add(SOURCE_TOPIC, utf8(source.topic()));
        headers.add(SOURCE_PARTITION, utf8(Integer.toString(source.partition())));
        headers.add(SOURCE_OFFSET, utf8(Long.toString(source.offset())));
        // Always all five, a null value standing for "none", so that the last five headers are the router's.
        headers.add(SOURCE_KEY, source.key() == null ? null : utf8(source.key()));
        headers.add(POOL, pool.map(RoutedRecords::utf8).orElse(null));
        Long timestamp = source.timestamp() < 0 ? null : source.timestamp();
        return new ProducerRecord<>(poolTopic, null, timestamp, pool.orElse(source.key()), source.value(), headers);
    }

    /**
     * The record as it was read from its input topic: topic, partition, offset, key and headers from the routing
     * headers, value and timestamp as forwarded. A record without them (not written by the router) is returned
     * as it is.
     */
    public static ConsumerRecord<String, byte[]> original(ConsumerRecord<String, byte[]> routed) {
        Headers headers = routed.headers();
        String topic = text(headers, SOURCE_TOPIC);
        String partition = text(headers, SOURCE_PARTITION);
        String offset = text(headers, SOURCE_OFFSET);
        if (topic == null || partition == null || offset == null) {
            return routed;
        }
        Headers originalHeaders = withoutRouting(headers.toArray());
        String key = text(headers, SOURCE_KEY);
        return new ConsumerRecord<>(topic, Integer.parseInt(partition), Long.parseLong(offset), routed.timestamp(),
                routed.timestampType() == TimestampType.NO_TIMESTAMP_TYPE ? TimestampType.NO_TIMESTAMP_TYPE
                        : TimestampType.CREATE_TIME,
                key == null ? -1 : key.getBytes(StandardCharsets.UTF_8).length,
                routed.value() == null ? -1 : routed.value().length, key, routed.value(), originalHeaders,
                Optional.empty());
    }

    /** Every record of a batch read from the pool topic, as read from its input topic. */
    public static List<ConsumerRecord<String, byte[]>> originals(List<ConsumerRecord<String, byte[]>> routed) {
        List<ConsumerRecord<String, byte[]>> originals = new ArrayList<>(routed.size());
        for (ConsumerRecord<String, byte[]> record : routed) {
            originals.add(original(record));
        }
        return originals;
    }

    /** The pool the router keyed the record by; empty when it keyed it by its original key. */
    public static Optional<String> pool(ConsumerRecord<String, byte[]> routed) {
        return Optional.ofNullable(text(routed.headers(), POOL));
    }

    /** The headers without the router's own, which are the last of their names: an original header is kept. */
    private static Headers withoutRouting(Header[] headers) {
        boolean[] routing = new boolean[headers.length];
        for (String name : ROUTING_HEADERS) {
            for (int i = headers.length - 1; i >= 0; i--) {
                if (headers[i].key().equals(name)) {
                    routing[i] = true;
                    break;
                }
            }
        }
        Headers kept = new RecordHeaders();
        for (int i = 0; i < headers.length; i++) {
            if (!routing[i]) {
                kept.add(headers[i]);
            }
        }
        return kept;
    }

    private static String text(Headers headers, String key) {
        Header header = headers.lastHeader(key);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
