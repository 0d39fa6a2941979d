package dev.staffing.loadbenchmark;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.HdrHistogram.Histogram;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the service's outputs (assignment events and gap alerts) as they appear, on a thread of its own,
 * and for each one caused by a measured input event records its latency: the output's Kafka timestamp
 * minus the input's. It also keeps the latest output timestamp, when the service's last word came out.
 *
 * <p>Only the causation id is read from each value. It is the third field of both schemas (after
 * {@code eventId} and {@code occurredAt}), and Avro only adds fields at the end, so the reader skips the
 * wire-format header and the first two fields instead of decoding the whole record: the reader shares
 * two cores with the service, and must cost it as little as it can.
 */
final class OutputReader implements AutoCloseable {

    private static final int WIRE_HEADER = 5;

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final EventIds ids;
    private final LoadGenerator generator;
    private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile int measuredFrom = Integer.MAX_VALUE;
    private volatile long lastOutputAt;
    private volatile long measuredOutputs;
    private volatile long allOutputs;
    private final Histogram latencies = new Histogram(3_600_000L, 3);
    private volatile RuntimeException failure;

    OutputReader(String bootstrapServers, EventIds ids, LoadGenerator generator) {
        this.ids = ids;
        this.generator = generator;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false));
        List<TopicPartition> partitions = Topics.OUTPUTS.stream()
                .flatMap(topic -> consumer.partitionsFor(topic).stream()
                        .map(info -> new TopicPartition(topic, info.partition())))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        this.thread = new Thread(this::run, "output-reader");
        thread.start();
    }

    /** From now on, latencies are recorded for outputs of input events at or after this index. */
    void measureFrom(int index) {
        measuredFrom = index;
    }

    /** Whether every output up to these end offsets has been read. */
    boolean hasRead(Map<TopicPartition, Long> ends) {
        if (failure != null) {
            throw failure;
        }
        return ends.entrySet().stream().allMatch(end -> positions.getOrDefault(end.getKey(), 0L) >= end.getValue());
    }

    Map<TopicPartition, Long> positions() {
        return Map.copyOf(positions);
    }

    long lastOutputAt() {
        return lastOutputAt;
    }

    long measuredOutputs() {
        return measuredOutputs;
    }

    long allOutputs() {
        return allOutputs;
    }

    /** The latencies of the measured outputs so far, in milliseconds. Read it once the outputs are drained. */
    synchronized Histogram latencies() {
        return latencies.copy();
    }

    private void run() {
        BinaryDecoder decoder = null;
        try {
            while (running) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    allOutputs++;
                    lastOutputAt = Math.max(lastOutputAt, record.timestamp());
                    if (record.value() == null || record.value().length <= WIRE_HEADER) {
                        continue;
                    }
                    decoder = DecoderFactory.get().binaryDecoder(record.value(), WIRE_HEADER,
                            record.value().length - WIRE_HEADER, decoder);
                    decoder.skipString();
                    decoder.readLong();
                    int index = decoder.readIndex() == 1 ? ids.indexOf(decoder.readString()) : -1;
                    if (index >= measuredFrom) {
                        record(Math.max(0, record.timestamp() - generator.publishedAt(index)));
                    }
                }
                consumer.assignment().forEach(partition -> positions.put(partition, consumer.position(partition)));
            }
        } catch (IOException | RuntimeException e) {
            failure = new BrokenRunException("reading the service's outputs failed: " + e.getMessage(), e);
        }
    }

    private synchronized void record(long latencyMillis) {
        measuredOutputs++;
        latencies.recordValue(Math.min(latencyMillis, latencies.getHighestTrackableValue()));
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        consumer.close();
    }
}
