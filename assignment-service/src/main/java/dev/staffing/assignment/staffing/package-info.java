/** Decides a pool again after a change: runs the engine, stores assignments, writes assignment events. */
package dev.staffing.assignment.staffing;
