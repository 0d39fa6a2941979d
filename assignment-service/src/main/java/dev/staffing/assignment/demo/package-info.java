/** A seeded sample organisation fed at start on request. */
package dev.staffing.assignment.demo;
