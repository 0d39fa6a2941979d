package dev.staffing.assignment.embedded;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What the zero-configuration start launched; closed, last started first, with the application. */
public final class EmbeddedInfrastructure implements AutoCloseable {

    private final List<AutoCloseable> started = new ArrayList<>();

    void add(AutoCloseable component) {
        started.add(component);
    }

    boolean isEmpty() {
        return started.isEmpty();
    }

    @Override
    public synchronized void close() {
        List<AutoCloseable> reversed = new ArrayList<>(started);
        Collections.reverse(reversed);
        started.clear();
        for (AutoCloseable component : reversed) {
            try {
                component.close();
            } catch (Exception e) {
                // Closing the rest matters more than this one's failure.
            }
        }
    }
}
