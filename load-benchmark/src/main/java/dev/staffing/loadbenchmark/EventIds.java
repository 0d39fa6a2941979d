package dev.staffing.loadbenchmark;

/**
 * Input event ids that carry their index in the run ({@code load-<seed>-<index>}), so that the
 * {@code causationId} of an output leads straight back to the input's publish time, without a map of ids.
 */
final class EventIds {

    private final String prefix;

    EventIds(long seed) {
        this.prefix = "load-" + seed + "-";
    }

    String id(int index) {
        return prefix + index;
    }

    /** The index of an input id of this run, or -1 for anything else (no causation, another run's id). */
    int indexOf(CharSequence causationId) {
        if (causationId == null || causationId.length() <= prefix.length()) {
            return -1;
        }
        String text = causationId.toString();
        if (!text.startsWith(prefix)) {
            return -1;
        }
        try {
            return Integer.parseInt(text, prefix.length(), text.length(), 10);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
