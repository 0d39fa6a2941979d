package dev.staffing.events.wire;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A thread-safe cache that forgets its least recently used entry beyond a maximum size. Values are
 * computed outside the lock, so a slow registry call for one key never holds up lookups of another;
 * two threads may then compute the same value once each, which is harmless here.
 */
final class BoundedCache<K, V> {

    private final Map<K, V> entries;

    BoundedCache(int maximumSize) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > maximumSize;
            }
        };
    }

    V get(K key, Function<K, V> compute) {
        Optional<V> cached = find(key);
        if (cached.isPresent()) {
            return cached.get();
        }
        V value = compute.apply(key);
        put(key, value);
        return value;
    }

    Optional<V> find(K key) {
        synchronized (entries) {
            return Optional.ofNullable(entries.get(key));
        }
    }

    void put(K key, V value) {
        synchronized (entries) {
            entries.putIfAbsent(key, value);
        }
    }
}
