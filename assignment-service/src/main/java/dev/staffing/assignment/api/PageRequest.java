package dev.staffing.assignment.api;

/** Which page of a list to answer: {@code page} is 0-based, {@code size} 1 to {@link #MAX_SIZE}. */
record PageRequest(int page, int size) {

    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 500;

    long offset() {
        return (long) page * size;
    }
}
