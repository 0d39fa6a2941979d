package dev.staffing.assignment.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

/** A record forwarded to the pool topic and read back is the record read from its input topic. */
class RoutedRecordsTest {

    private static final byte[] VALUE = {0, 0, 0, 0, 7, 42};

    @Test
    void forwardedRecordIsKeyedByItsPoolAndReadBackAsItCameFromItsInputTopic() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("trace", utf8("t-1"));
        ConsumerRecord<String, byte[]> source = new ConsumerRecord<>("employee-events", 2, 17L, 1_700_000_000_000L,
                TimestampType.CREATE_TIME, 3, VALUE.length, "e-1", VALUE, headers, Optional.empty());

        ProducerRecord<String, byte[]> forwarded = RoutedRecords.forward(source, "pool-events", Optional.of("emea"));

        assertThat(forwarded.topic()).isEqualTo("pool-events");
        assertThat(forwarded.key()).isEqualTo("emea");
        assertThat(forwarded.value()).isSameAs(VALUE);
        assertThat(forwarded.timestamp()).isEqualTo(1_700_000_000_000L);
        assertThat(text(forwarded, RoutedRecords.SOURCE_TOPIC)).isEqualTo("employee-events");
        assertThat(text(forwarded, RoutedRecords.SOURCE_PARTITION)).isEqualTo("2");
        assertThat(text(forwarded, RoutedRecords.SOURCE_OFFSET)).isEqualTo("17");
        assertThat(text(forwarded, RoutedRecords.SOURCE_KEY)).isEqualTo("e-1");

        ConsumerRecord<String, byte[]> original = RoutedRecords.original(readBack(forwarded, 5, 900L));
        assertThat(original.topic()).isEqualTo("employee-events");
        assertThat(original.partition()).isEqualTo(2);
        assertThat(original.offset()).isEqualTo(17L);
        assertThat(original.key()).isEqualTo("e-1");
        assertThat(original.value()).isSameAs(VALUE);
        assertThat(original.timestamp()).isEqualTo(1_700_000_000_000L);
        assertThat(original.headers().toArray()).extracting(Header::key).containsExactly("trace");
        assertThat(RoutedRecords.pool(readBack(forwarded, 5, 900L))).contains("emea");
    }

    @Test
    void recordWithoutPoolOrKeyKeepsItsOriginalKeyAndItsOwnHeadersOfTheRoutersNames() {
        RecordHeaders headers = new RecordHeaders();
        // An upstream header that happens to share a name with the router's is the record's own: kept.
        headers.add(RoutedRecords.POOL, utf8("upstream"));
        ConsumerRecord<String, byte[]> source = new ConsumerRecord<>("project-events", 0, 3L, 5L,
                TimestampType.CREATE_TIME, -1, 1, null, new byte[] {1}, headers, Optional.empty());

        ProducerRecord<String, byte[]> forwarded = RoutedRecords.forward(source, "pool-events", Optional.empty());

        assertThat(forwarded.key()).isNull();
        ConsumerRecord<String, byte[]> readBack = readBack(forwarded, 0, 1L);
        assertThat(RoutedRecords.pool(readBack)).isEmpty();
        ConsumerRecord<String, byte[]> original = RoutedRecords.original(readBack);
        assertThat(original.key()).isNull();
        assertThat(original.topic()).isEqualTo("project-events");
        assertThat(original.headers().toArray()).singleElement().satisfies(header -> {
            assertThat(header.key()).isEqualTo(RoutedRecords.POOL);
            assertThat(new String(header.value(), StandardCharsets.UTF_8)).isEqualTo("upstream");
        });
    }

    @Test
    void recordNotWrittenByTheRouterIsHandedOnAsItIs() {
        ConsumerRecord<String, byte[]> stray = new ConsumerRecord<>("pool-events", 1, 4L, "k", VALUE);

        assertThat(RoutedRecords.original(stray)).isSameAs(stray);
    }

    private static ConsumerRecord<String, byte[]> readBack(ProducerRecord<String, byte[]> sent, int partition,
            long offset) {
        return new ConsumerRecord<>(sent.topic(), partition, offset, sent.timestamp(), TimestampType.CREATE_TIME, -1,
                -1, sent.key(), sent.value(), new RecordHeaders(sent.headers().toArray()), Optional.empty());
    }

    private static String text(ProducerRecord<String, byte[]> record, String header) {
        return new String(record.headers().lastHeader(header).value(), StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
