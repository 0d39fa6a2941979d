package dev.staffing.assignment.ingest;

import dev.staffing.assignment.messaging.FailedBatches;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * What the ingest container does with a batch that failed (its transaction rolled back): it commits none of
 * its offsets, moves the consumer back to the batch's first offset on each partition, and lets
 * {@link IngestBackpressure} pause consumption until the batch is worth trying again. The batch is then
 * polled again; it is never dead-lettered or skipped (records that can never be applied were dead-lettered
 * inside the batch and do not fail it).
 */
final class IngestBackpressureErrorHandler implements CommonErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(IngestBackpressureErrorHandler.class);

    private final IngestBackpressure backpressure;

    IngestBackpressureErrorHandler(IngestBackpressure backpressure) {
        this.backpressure = backpressure;
    }

    /** The container hands the whole batch to {@link #handleBatch}, which seeks; nothing is left over. */
    @Override
    public boolean seeksAfterHandling() {
        return true;
    }

    /** A failed batch is not committed: it is polled again from the offsets {@link #handleBatch} seeks to. */
    @Override
    public boolean isAckAfterHandle() {
        return false;
    }

    @Override
    public void handleBatch(Exception thrownException, ConsumerRecords<?, ?> data, Consumer<?, ?> consumer,
            MessageListenerContainer container, Runnable invokeListener) {
        FailedBatches.rewind(data, consumer);
        backpressure.batchFailed(IngestBackpressureFailure.of(thrownException), container);
    }

    /** A failure with no batch in hand (a commit or a poll); offsets not committed are polled again. */
    @Override
    public void handleOtherException(Exception thrownException, Consumer<?, ?> consumer,
            MessageListenerContainer container, boolean batchListener) {
        log.warn("Ingest consumer failed outside a batch, carrying on: {}",
                IngestBackpressureFailure.of(thrownException).description());
    }
}
