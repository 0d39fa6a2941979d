package dev.staffing.assignment.ingest;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param valueDeserializer the Kafka deserializer class that decodes input records; Confluent's
 *     {@code io.confluent.kafka.serializers.KafkaAvroDeserializer} works too
 * @param routeByPool whether the input is first routed to the pool-keyed topic ({@code staffing.topics.pool-events})
 *     and ingest reads that topic alone, so that each instance of the group ingests and decides pools of its own
 *     (see {@code routing.PoolRouter}); off, ingest reads the input topics themselves
 */
@Validated
@ConfigurationProperties(prefix = "staffing.ingest")
record IngestProperties(@NotBlank @DefaultValue("dev.staffing.events.wire.AvroWireDeserializer")
        String valueDeserializer, @DefaultValue("false") boolean routeByPool) {
}
