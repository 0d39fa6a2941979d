/** Open gaps and the gap alerts that announce their changes. */
package dev.staffing.assignment.alerts;
