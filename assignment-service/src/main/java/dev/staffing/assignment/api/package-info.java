/** The read API for staffing managers and dashboards. */
package dev.staffing.assignment.api;
