/**
 * Scale-out by staffing pool ({@code staffing.ingest.route-by-pool}): a router forwards every input record,
 * bytes unchanged, to the pool-keyed topic in Kafka transactions, so that the instances of one consumer group
 * each ingest, and decide, a set of pools of their own. {@link dev.staffing.assignment.routing.RoutedRecords}
 * names the headers and gives ingest each record back as it came from its source topic.
 */
package dev.staffing.assignment.routing;
