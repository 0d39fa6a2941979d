package dev.staffing.assignment.staffing;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param churnBudget how many current holders one decision may move to fill more weight; a rebalance
 *     that needs more moves is held back, logged, and left for a staffing manager
 * @param decideThreads how many pools of one batch are decided at once, in memory (0: one per processor);
 *     each pool's engine is its own, and reading and writing the database stays on the batch's thread
 */
@Validated
@ConfigurationProperties(prefix = "staffing.engine")
public record EngineProperties(@Min(0) @DefaultValue("3") int churnBudget,
        @Min(0) @DefaultValue("0") int decideThreads) {

    /** The threads that decide the pools of a batch, the batch's own included. */
    int decidingThreads() {
        return decideThreads == 0 ? Runtime.getRuntime().availableProcessors() : decideThreads;
    }
}
