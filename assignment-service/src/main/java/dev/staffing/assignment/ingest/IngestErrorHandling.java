package dev.staffing.assignment.ingest;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.BatchInterceptor;
import org.springframework.kafka.listener.CommonErrorHandler;

/**
 * Records that can never be applied are dead-lettered inside the batch transaction, so what fails a batch
 * may pass (the database or the registry down): the batch is held back and tried again with a growing
 * back-off, without end, and never dead-lettered or skipped.
 *
 * <p>spring-kafka's {@code DefaultErrorHandler} would retry a failed batch too, but in memory on the
 * consumer thread, sleeping out each back-off interval (up to its maximum) even after the outage has
 * ended, and out of sight of the health endpoint. {@link IngestBackpressure} pauses the container instead,
 * resumes it as soon as the dependencies answer, and says so on the health endpoint.
 */
@Configuration(proxyBeanMethods = false)
class IngestErrorHandling {

    @Bean
    CommonErrorHandler ingestErrorHandler(IngestBackpressure backpressure) {
        return new IngestBackpressureErrorHandler(backpressure);
    }

    /** Tells {@link IngestBackpressure} when a batch was applied, which ends a hold. */
    @Bean
    BatchInterceptor<Object, Object> ingestBatchOutcome(IngestBackpressure backpressure) {
        return new BatchInterceptor<>() {

            @Override
            public ConsumerRecords<Object, Object> intercept(ConsumerRecords<Object, Object> records,
                    Consumer<Object, Object> consumer) {
                return records;
            }

            @Override
            public void success(ConsumerRecords<Object, Object> records, Consumer<Object, Object> consumer) {
                backpressure.batchApplied();
            }
        };
    }
}
