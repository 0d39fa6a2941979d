package dev.staffing.assignment.ingest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;

/**
 * The ingest listener commits a batch's offsets without waiting for the broker's answer, and polls the next
 * batch at once: a synchronous commit cost each batch a round trip to the group coordinator. Nothing is lost
 * by it. A batch's event ids are stored in its own database transaction, so a commit that never lands (the
 * instance died first, or the group rebalanced) only means that its records are polled again and recognised
 * as already applied. Commits still go in order, and a consumer that closes waits for those in flight.
 */
@Configuration(proxyBeanMethods = false)
class IngestOffsetCommits {

    private static final Logger log = LoggerFactory.getLogger(IngestOffsetCommits.class);

    /** Applied to the listener containers of Boot's factory: ingest's (the pool router has its own). */
    @Bean
    ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> asyncIngestCommits() {
        return container -> {
            ContainerProperties properties = container.getContainerProperties();
            properties.setSyncCommits(false);
            properties.setCommitCallback((offsets, error) -> {
                if (error != null) {
                    log.warn("Offsets of {} partitions not committed, their records will be polled again and found"
                            + " already applied: {}", offsets.size(), error.toString());
                }
            });
        };
    }
}
