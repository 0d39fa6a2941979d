package dev.staffing.assignment.routing;

import dev.staffing.assignment.messaging.FailedBatches;
import java.time.Duration;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * What the router's container does with a batch whose transaction was aborted: it moves the consumer back to
 * the batch's first offsets, waits out the back-off and lets the batch be polled again. Nothing is committed
 * by the container (the offsets travel in the router's transactions), so a batch is never skipped.
 */
final class PoolRouterErrorHandler implements CommonErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(PoolRouterErrorHandler.class);

    private final PoolRouterBackOff backOff;

    PoolRouterErrorHandler(PoolRouterBackOff backOff) {
        this.backOff = backOff;
    }

    @Override
    public boolean seeksAfterHandling() {
        return true;
    }

    @Override
    public boolean isAckAfterHandle() {
        return false;
    }

    @Override
    public void handleBatch(Exception thrownException, ConsumerRecords<?, ?> data, Consumer<?, ?> consumer,
            MessageListenerContainer container, Runnable invokeListener) {
        FailedBatches.rewind(data, consumer);
        // Well under max.poll.interval.ms (the back-off's most is the ingest's, 30 s by default).
        sleep(backOff.failed(thrownException));
    }

    @Override
    public void handleOtherException(Exception thrownException, Consumer<?, ?> consumer,
            MessageListenerContainer container, boolean batchListener) {
        log.warn("Pool router consumer failed outside a batch, carrying on: {}", thrownException.getMessage());
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
