package dev.staffing.assignment.board;

/**
 * One gap alert, ready to stream: its SSE id ({@code partition-offset}), what the stream's filters look at, and
 * its fields as a JSON object, written once for every client.
 */
record GapStreamEvent(String id, String persona, String pool, String projectId, String json) {
}
