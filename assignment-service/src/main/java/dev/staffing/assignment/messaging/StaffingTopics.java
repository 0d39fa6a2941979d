package dev.staffing.assignment.messaging;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The one place that names every topic of the service. Keys and values:
 * <ul>
 *   <li>{@code employeeEvents}: key employee id, value {@code dev.staffing.events.EmployeeEvent}</li>
 *   <li>{@code projectEvents}: key project id, value {@code dev.staffing.events.ProjectEvent}</li>
 *   <li>{@code assignmentEvents}: key project id, value {@code dev.staffing.events.AssignmentEvent}</li>
 *   <li>{@code gapAlerts}: compacted, key {@code projectId/slotId/seat}, value {@code dev.staffing.events.GapAlert}</li>
 *   <li>{@code overrides}: key project id, value {@code dev.staffing.events.StaffingOverride} (written by the
 *       service's own API, read by its ingest like the HR events)</li>
 *   <li>{@code deadLetter}: the original key and bytes of records that could not be applied, reason in headers</li>
 *   <li>{@code poolEvents}: internal, only with {@code staffing.ingest.route-by-pool}: every input record, bytes
 *       unchanged, keyed by the staffing pool its event names (see {@code routing.RoutedRecords})</li>
 * </ul>
 */
@Validated
@ConfigurationProperties(prefix = "staffing.topics")
public record StaffingTopics(
        @NotBlank @DefaultValue("employee-events") String employeeEvents,
        @NotBlank @DefaultValue("project-events") String projectEvents,
        @NotBlank @DefaultValue("assignment-events") String assignmentEvents,
        @NotBlank @DefaultValue("gap-alerts") String gapAlerts,
        @NotBlank @DefaultValue("staffing-dead-letter") String deadLetter,
        @NotBlank @DefaultValue("staffing-overrides") String overrides,
        @NotBlank @DefaultValue("staffing-pool-events") String poolEvents,
        @Min(1) @DefaultValue("3") int partitions,
        @Min(1) @DefaultValue("1") short replicationFactor) {
}
