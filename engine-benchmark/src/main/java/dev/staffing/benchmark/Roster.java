package dev.staffing.benchmark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * Items by id that a random one can be drawn from, and put or removed, in constant time: the event
 * stream draws from pools of up to 50,000 people many thousand times.
 */
final class Roster<T> {

    private final Function<T, String> id;
    private final List<T> items = new ArrayList<>();
    private final Map<String, Integer> indexById = new HashMap<>();

    Roster(Function<T, String> id, List<T> initial) {
        this.id = id;
        initial.forEach(this::put);
    }

    boolean isEmpty() {
        return items.isEmpty();
    }

    int size() {
        return items.size();
    }

    T draw(Random random) {
        return items.get(random.nextInt(items.size()));
    }

    /** Adds the item, or replaces the one with its id. */
    void put(T item) {
        Integer index = indexById.get(id.apply(item));
        if (index == null) {
            indexById.put(id.apply(item), items.size());
            items.add(item);
        } else {
            items.set(index, item);
        }
    }

    void remove(String itemId) {
        Integer index = indexById.remove(itemId);
        if (index == null) {
            return;
        }
        T last = items.remove(items.size() - 1);
        if (index < items.size()) {
            items.set(index, last);
            indexById.put(id.apply(last), index);
        }
    }
}
