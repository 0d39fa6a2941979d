/** Consumes employee and project events: decodes, validates, deduplicates, parks early events, dead-letters bad ones, and applies each polled batch in one transaction. */
package dev.staffing.assignment.ingest;
