package dev.staffing.assignment.routing;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.listener.ContainerProperties.AckMode;

/**
 * The router's own consumer and producer, apart from Boot's (which ingest and the outbox use): a container
 * factory whose containers commit nothing themselves, and a transactional producer that commits the offsets.
 * The consumer factory, error handler, rebalance listener and producer are not beans of Kafka types on purpose:
 * Boot configures its own listener factory and template with the one bean of each type there is.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(PoolRouting.ENABLED)
class PoolRouting {

    static final String ENABLED = "staffing.ingest.route-by-pool";
    static final String CONTAINER_FACTORY = "poolRouterContainerFactory";

    @Bean
    PoolRouterBackOff poolRouterBackOff(
            @Value("${staffing.ingest.backpressure.initial-back-off:500ms}") Duration initialBackOff,
            @Value("${staffing.ingest.backpressure.max-back-off:30s}") Duration maxBackOff) {
        return new PoolRouterBackOff(initialBackOff, maxBackOff);
    }

    @Bean(CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, byte[]> poolRouterContainerFactory(KafkaProperties kafka,
            PoolRouterBackOff backOff, @Value("${spring.kafka.consumer.group-id}") String ingestGroup,
            ObjectProvider<MeterRegistry> meters) {
        Map<String, Object> consumer = kafka.buildConsumerProperties();
        consumer.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        consumer.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        ConcurrentKafkaListenerContainerFactory<String, byte[]> factory = new ConcurrentKafkaListenerContainerFactory<>();
        DefaultKafkaConsumerFactory<String, byte[]> consumers = new DefaultKafkaConsumerFactory<>(consumer);
        // The router's lag among the kafka_consumer_* meters, as Boot binds its own consumers'.
        meters.ifAvailable(registry -> consumers.addListener(new MicrometerConsumerListener<>(registry)));
        factory.setConsumerFactory(consumers);
        factory.setBatchListener(true);
        // The offsets are committed in the router's transactions, never by the container.
        factory.getContainerProperties().setAckMode(AckMode.MANUAL);
        factory.setCommonErrorHandler(new PoolRouterErrorHandler(backOff));
        factory.getContainerProperties().setConsumerRebalanceListener(
                new RouterStartingOffsets(kafka.buildAdminProperties(), ingestGroup));
        return factory;
    }

    @Bean
    EventPools poolRouterEventPools(KafkaProperties kafka,
            @Value("${staffing.ingest.value-deserializer:dev.staffing.events.wire.AvroWireDeserializer}")
            String valueDeserializer) {
        return new EventPools(valueDeserializer, kafka.buildConsumerProperties());
    }

    @Bean
    PoolTopicProducer poolTopicProducer(KafkaProperties kafka,
            @Value("${spring.kafka.consumer.group-id}") String group, ObjectProvider<MeterRegistry> meters) {
        // Unique per instance (transactional ids fence each other); a restarted instance's unfinished
        // transaction is aborted by the broker after transaction.timeout.ms.
        return new PoolTopicProducer(kafka.buildProducerProperties(),
                group + "-router-" + UUID.randomUUID().toString().substring(0, 8) + "-", meters.getIfAvailable());
    }
}
