package dev.staffing.loadbenchmark;

import java.util.concurrent.locks.LockSupport;

/**
 * Paces the generator at a fixed rate: tokens accrue at {@code perSecond}, at most a hundredth of a
 * second's worth in hand (so a stall is not followed by a long burst), and each event takes one.
 */
final class TokenBucket {

    private final double perNano;
    private final double capacity;
    private double tokens;
    private long last;

    TokenBucket(long perSecond) {
        this.perNano = perSecond / 1e9;
        this.capacity = Math.max(1.0, perSecond / 100.0);
        this.tokens = 1.0;
        this.last = System.nanoTime();
    }

    /** Blocks until a token is in hand, and takes it. */
    void take() {
        while (true) {
            long now = System.nanoTime();
            tokens = Math.min(capacity, tokens + (now - last) * perNano);
            last = now;
            if (tokens >= 1.0) {
                tokens -= 1.0;
                return;
            }
            LockSupport.parkNanos((long) ((1.0 - tokens) / perNano));
        }
    }
}
