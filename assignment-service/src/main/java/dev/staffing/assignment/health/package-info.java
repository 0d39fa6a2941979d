/**
 * Whether what the service depends on answers: probes of the database and the schema registry, and the
 * registry's health indicator (the database's is Spring Boot's own). Ingest asks the probes before it
 * resumes after an outage.
 */
package dev.staffing.assignment.health;
