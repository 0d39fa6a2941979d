package dev.staffing.loadbenchmark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Things by id, in insertion order, drawn at random in constant time (removal swaps the last into the
 * gap), so that a stream of a million changes picks its people and projects without scanning.
 */
final class DrawSet<T> {

    private final List<String> ids = new ArrayList<>();
    private final Map<String, Integer> positions = new HashMap<>();
    private final Map<String, T> values = new HashMap<>();

    void put(String id, T value) {
        if (!positions.containsKey(id)) {
            positions.put(id, ids.size());
            ids.add(id);
        }
        values.put(id, value);
    }

    void remove(String id) {
        Integer position = positions.remove(id);
        if (position == null) {
            return;
        }
        String last = ids.remove(ids.size() - 1);
        if (!last.equals(id)) {
            ids.set(position, last);
            positions.put(last, position);
        }
        values.remove(id);
    }

    boolean contains(String id) {
        return positions.containsKey(id);
    }

    T draw(Random random) {
        return values.get(ids.get(random.nextInt(ids.size())));
    }

    int size() {
        return ids.size();
    }

    boolean isEmpty() {
        return ids.isEmpty();
    }
}
