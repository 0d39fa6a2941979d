package dev.staffing.assignment.board;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The gap-alert stream's limits ({@code staffing.board.*}).
 *
 * @param heartbeat how often an idle stream sends a comment, so that proxies keep it open and clients notice a
 *     dead connection
 * @param maxClients how many streams one instance serves at once; one more is refused with 503
 * @param clientBuffer how many events may wait for one client; a client that falls this far behind is dropped
 *     (its browser reconnects and reloads the snapshot), so a slow client never holds up the others
 * @param streamTimeout how long one stream stays open; the client then reconnects
 * @param partitionRefresh how often the broadcast consumer looks for partitions added to the gap-alert topic
 */
@Validated
@ConfigurationProperties(prefix = "staffing.board")
record BoardProperties(
        @NotNull @DefaultValue("15s") Duration heartbeat,
        @Min(1) @Max(10_000) @DefaultValue("200") int maxClients,
        @Min(1) @DefaultValue("1000") int clientBuffer,
        @NotNull @DefaultValue("30m") Duration streamTimeout,
        @NotNull @DefaultValue("30s") Duration partitionRefresh) {
}
