/** The persona catalog: reference data from configuration, served over HTTP. */
package dev.staffing.assignment.personas;
