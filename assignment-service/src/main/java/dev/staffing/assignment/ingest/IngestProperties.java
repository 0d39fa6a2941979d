package dev.staffing.assignment.ingest;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param valueDeserializer the Kafka deserializer class that decodes input records; Confluent's
 *     {@code io.confluent.kafka.serializers.KafkaAvroDeserializer} works too
 */
@Validated
@ConfigurationProperties(prefix = "staffing.ingest")
record IngestProperties(@NotBlank @DefaultValue("dev.staffing.events.wire.AvroWireDeserializer")
        String valueDeserializer) {
}
