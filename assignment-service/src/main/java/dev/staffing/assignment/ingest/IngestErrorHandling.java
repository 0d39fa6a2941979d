package dev.staffing.assignment.ingest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Records that can never be applied are dead-lettered inside the batch transaction, so what reaches
 * the error handler is transient (database or registry down): the whole batch is retried with a
 * growing back-off, without end, and never dead-lettered or skipped.
 */
@Configuration(proxyBeanMethods = false)
class IngestErrorHandling {

    private static final Logger log = LoggerFactory.getLogger(IngestErrorHandling.class);

    @Bean
    CommonErrorHandler ingestErrorHandler() {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(30_000);
        DefaultErrorHandler handler = new DefaultErrorHandler((record, error) -> {
            throw new IllegalStateException("Unreachable: the back-off never ends", error);
        }, backOff);
        handler.setRetryListeners((record, error, attempt) -> log.warn("Batch failed (attempt {}), retrying: {}",
                attempt, error.toString()));
        return handler;
    }
}
