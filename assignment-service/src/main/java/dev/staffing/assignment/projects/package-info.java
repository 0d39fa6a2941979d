/** Projects and their persona slots, as the applied project events left them. */
package dev.staffing.assignment.projects;
