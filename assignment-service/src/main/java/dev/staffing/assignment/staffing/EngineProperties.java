package dev.staffing.assignment.staffing;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param churnBudget how many current holders one decision may move to fill more weight; a rebalance
 *     that needs more moves is held back, logged, and left for a staffing manager
 */
@Validated
@ConfigurationProperties(prefix = "staffing.engine")
public record EngineProperties(@Min(0) @DefaultValue("3") int churnBudget) {
}
