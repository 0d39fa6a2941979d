/** The zero-configuration infrastructure: a KRaft broker in this JVM and Apicurio Registry as a child process. */
package dev.staffing.assignment.embedded;
