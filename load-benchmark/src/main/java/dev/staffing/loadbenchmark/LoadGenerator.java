package dev.staffing.loadbenchmark;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes prepared input events to the service's input topics, keyed by employee or project id, at a
 * fixed rate or as fast as it can, and keeps each event's publish time (its Kafka timestamp) by index.
 */
final class LoadGenerator implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final PreparedEvents events;
    /** Read by the output consumer's thread while this one publishes. */
    private final AtomicLongArray publishedAt;
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    LoadGenerator(String bootstrapServers, PreparedEvents events) {
        this.events = events;
        this.publishedAt = new AtomicLongArray(events.total());
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    /**
     * Publishes events {@code from} (inclusive) to {@code to} (exclusive) at the rate, waits until the broker
     * acknowledged them all, and says how fast they went out.
     */
    Published publish(int from, int to, OfferedRate rate) {
        TokenBucket bucket = rate.isMax() ? null : new TokenBucket(rate.perSecond());
        long first = System.currentTimeMillis();
        long last = first;
        for (int index = from; index < to; index++) {
            if (bucket != null) {
                bucket.take();
            }
            last = System.currentTimeMillis();
            publishedAt.set(index, last);
            producer.send(new ProducerRecord<>(events.topic(index), null, last, events.key(index), events.value(index)),
                    (metadata, exception) -> {
                        if (exception != null) {
                            failure.compareAndSet(null, exception);
                        }
                    });
        }
        producer.flush();
        if (failure.get() != null) {
            throw new BrokenRunException("the broker refused input events: " + failure.get().getMessage(), failure.get());
        }
        return new Published(to - from, first, last);
    }

    /** When event {@code index} was published (ms since the epoch, its Kafka timestamp). */
    long publishedAt(int index) {
        return publishedAt.get(index);
    }

    @Override
    public void close() {
        producer.close();
    }

    /**
     * What one publish did.
     *
     * @param firstAt the first event's timestamp
     * @param lastAt the last event's timestamp
     */
    record Published(int count, long firstAt, long lastAt) {

        /** Events per second achieved between the first and the last. */
        double rate() {
            return lastAt > firstAt ? (count - 1) * 1000.0 / (lastAt - firstAt) : count;
        }
    }
}
