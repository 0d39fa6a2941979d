/** The transactional outbox: outgoing events stored with the state change, relayed to Kafka after commit. */
package dev.staffing.assignment.outbox;
