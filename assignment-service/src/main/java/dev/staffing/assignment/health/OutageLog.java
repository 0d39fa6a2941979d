package dev.staffing.assignment.health;

import org.slf4j.Logger;

/**
 * Logs a recurring task's outage once: one WARN line when it starts failing, one INFO line when it works
 * again, nothing in between however often it runs. Used by one scheduled task at a time, so not
 * thread-safe.
 */
public final class OutageLog {

    private final Logger log;
    private final String task;
    private boolean failing;

    /** @param task what fails, as the log lines name it ("Gap escalation check") */
    public OutageLog(Logger log, String task) {
        this.log = log;
        this.task = task;
    }

    /** The task failed; {@code consequence} says what happens meanwhile ("trying again every 30s"). */
    public void failed(Exception error, String consequence) {
        if (!failing) {
            log.warn("{} failed, {}: {}", task, consequence, FailureDescription.of(error));
            failing = true;
        }
    }

    /** The task ran. */
    public void worked() {
        if (failing) {
            log.info("{} works again", task);
            failing = false;
        }
    }
}
