package dev.staffing.assignment.engine;

import java.util.Arrays;

/** A growable list of ints, without boxing. */
final class IntList {

    private int[] values = new int[8];
    private int size;

    void add(int value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    int get(int index) {
        return values[index];
    }

    int size() {
        return size;
    }

    void truncate(int newSize) {
        size = Math.min(size, newSize);
    }

    /** Empties the list; a list grown large gives its memory back. */
    void clear() {
        if (values.length > 4096) {
            values = new int[8];
        }
        size = 0;
    }

    int[] toArray() {
        return Arrays.copyOf(values, size);
    }

    /** The backing array, valid up to {@link #size()} until the list next changes. */
    int[] array() {
        return values;
    }

    void set(int index, int value) {
        values[index] = value;
    }

    /** Removes the element at {@code index}, moving the last element into its place; returns the moved one. */
    int removeAt(int index) {
        int last = values[--size];
        values[index] = last;
        return last;
    }

    /** Removes one occurrence of {@code value}, moving the last element into its place. */
    void remove(int value) {
        for (int i = 0; i < size; i++) {
            if (values[i] == value) {
                values[i] = values[--size];
                return;
            }
        }
    }
}
