package dev.staffing.assignment.routing;

import dev.staffing.assignment.messaging.StaffingTopics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Forwards every record of the input topics to the pool topic, keyed by the staffing pool its event names, so
 * that all events of one pool reach one partition and one instance of the ingest group. Consumes in its own
 * group ({@code <spring.kafka.consumer.group-id>-router}) and commits its offsets in the transaction that
 * forwards the batch.
 */
@Component
@ConditionalOnBooleanProperty(PoolRouting.ENABLED)
class PoolRouter {

    private static final Logger log = LoggerFactory.getLogger(PoolRouter.class);

    private final StaffingTopics topics;
    private final EventPools pools;
    private final PoolTopicProducer producer;
    private final PoolRouterBackOff backOff;

    PoolRouter(StaffingTopics topics, EventPools pools, PoolTopicProducer producer, PoolRouterBackOff backOff) {
        this.topics = topics;
        this.pools = pools;
        this.producer = producer;
        this.backOff = backOff;
        log.info("Routing {}, {} and {} to {} by staffing pool", topics.employeeEvents(), topics.projectEvents(),
                topics.overrides(), topics.poolEvents());
    }

    /** The input topics, as {@link StaffingTopics} names them (read by the listener annotation). */
    public String[] getInputTopics() {
        return new String[] {topics.employeeEvents(), topics.projectEvents(), topics.overrides()};
    }

    @KafkaListener(id = "staffing-pool-router", containerFactory = PoolRouting.CONTAINER_FACTORY,
            groupId = "${spring.kafka.consumer.group-id}-router", batch = "true",
            topics = "#{__listener.inputTopics}")
    void route(List<ConsumerRecord<String, byte[]>> records, Consumer<?, ?> consumer) {
        List<ProducerRecord<String, byte[]>> forwards = new ArrayList<>(records.size());
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            forwards.add(RoutedRecords.forward(record, topics.poolEvents(), pools.poolOf(record)));
            offsets.put(new TopicPartition(record.topic(), record.partition()),
                    new OffsetAndMetadata(record.offset() + 1));
        }
        producer.forward(forwards, offsets, consumer.groupMetadata());
        backOff.succeeded();
    }
}
