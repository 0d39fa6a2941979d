/** Topic names and declarations: the one place that names every topic. */
package dev.staffing.assignment.messaging;
