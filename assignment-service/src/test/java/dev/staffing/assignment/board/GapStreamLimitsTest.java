package dev.staffing.assignment.board;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class GapStreamLimitsTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final GapStream stream = new GapStream(new BoardProperties(Duration.ofSeconds(15), 2, 10,
            Duration.ofMinutes(1), Duration.ofSeconds(30)), meters);

    @Test
    void refusesClientsBeyondTheMostAndAllWhileStopped() {
        GapStreamFilter everything = new GapStreamFilter(null, null, null);
        assertThat(stream.connect(everything)).as("not started").isEmpty();

        stream.start();
        assertThat(stream.connect(everything)).isPresent();
        assertThat(stream.connect(everything)).isPresent();
        assertThat(stream.connect(everything)).as("third client, most is two").isEmpty();
        assertThat(stream.clientCount()).isEqualTo(2);
        assertThat(meters.get("staffing.board.stream.clients").gauge().value()).isEqualTo(2.0);

        stream.stop();
        assertThat(stream.clientCount()).isZero();
        assertThat(stream.connect(everything)).isEmpty();
    }
}
