/** What the stores share: reading many rows by id in one statement, and batched writes on PostgreSQL. */
package dev.staffing.assignment.storage;
