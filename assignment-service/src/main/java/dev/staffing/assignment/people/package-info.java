/** People of the staffing pools, as the applied employee events left them. */
package dev.staffing.assignment.people;
