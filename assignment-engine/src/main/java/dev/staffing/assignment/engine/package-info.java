/**
 * The assignment engine: plain records in, plain records out; no framework, no I/O, no clock (the
 * day is passed in), so that it can be tested exhaustively and replayed.
 */
package dev.staffing.assignment.engine;
