package dev.staffing.assignment.outbox;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param pollInterval how often the relay looks for events to publish
 * @param batchSize how many events one relay round sends at most, and one outbox row holds at most
 * @param sendTimeout how long the relay waits for Kafka to acknowledge a round
 */
@Validated
@ConfigurationProperties(prefix = "staffing.outbox")
record OutboxProperties(@DefaultValue("200ms") Duration pollInterval, @Min(1) @DefaultValue("500") int batchSize,
        @DefaultValue("30s") Duration sendTimeout) {
}
