package dev.staffing.loadbenchmark;

/** Waits between polls of something outside this JVM (the service, the broker), keeping the interrupt. */
final class Pause {

    private Pause() {
    }

    static void millis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokenRunException("interrupted", e);
        }
    }
}
