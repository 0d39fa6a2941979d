/**
 * The gauges of the service's state for Prometheus and Grafana: open gaps by persona and severity, filled
 * and unfilled seats, and health, each refreshed on a schedule from the database rather than per scrape.
 * The ingest and engine meters live with what they measure ({@code ingest}, {@code staffing}).
 */
package dev.staffing.assignment.metrics;
