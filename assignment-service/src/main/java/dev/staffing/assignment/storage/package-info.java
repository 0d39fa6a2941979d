/**
 * What the stores share. Many rows are read by id with one array parameter ({@code where id = any(?)}, bound
 * as a {@code String[]}), not an {@code in (...)} list: PostgreSQL plans a prepared statement of a
 * thousand-parameter list once for all its values and then scans the whole table with it, where an array
 * parameter is looked up in the primary key.
 */
package dev.staffing.assignment.storage;
