package dev.staffing.assignment.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

class GapStreamClientTest {

    /** A sender that never gets to run: the client's connection is stalled. */
    private final List<Runnable> stalledSends = new ArrayList<>();
    private final Executor stalled = stalledSends::add;

    @Test
    void clientThatCannotKeepUpIsRefusedOnceItsBufferIsFullAndOthersAreNotHeldUp() {
        GapStreamClient slow = new GapStreamClient(1, new GapStreamFilter(null, null, null), new SseEmitter(), 2,
                stalled);
        slow.startSending();

        assertThat(slow.offer(event("0-1", "security-engineer"))).isTrue();
        assertThat(slow.offer(event("0-2", "security-engineer"))).isTrue();
        assertThat(slow.offer(event("0-3", "security-engineer"))).as("third event, buffer of two").isFalse();
        assertThat(slow.offerHeartbeat()).isFalse();
        assertThat(stalledSends).as("one drain scheduled, however many events wait").hasSize(1);
    }

    @Test
    void eventsOutsideTheFiltersAreNotQueued() {
        GapStreamClient client = new GapStreamClient(1, new GapStreamFilter("security-engineer", " ", null),
                new SseEmitter(), 1, stalled);

        for (int i = 0; i < 10; i++) {
            assertThat(client.offer(event("0-" + i, "backend-engineer"))).isTrue();
        }
        assertThat(client.offer(event("1-1", "security-engineer"))).isTrue();
        assertThat(client.offer(event("1-2", "security-engineer"))).isFalse();
    }

    @Test
    void drainSendsWhatWaitsAndAClosedClientTakesNothingMore() {
        GapStreamClient client = new GapStreamClient(1, new GapStreamFilter(null, "default", null), new SseEmitter(),
                2, stalled);
        client.offer(event("0-1", "qa-engineer"));
        new ArrayList<>(stalledSends).forEach(Runnable::run);

        assertThat(client.offer(event("0-2", "qa-engineer"))).isTrue();
        assertThat(client.offer(event("0-3", "qa-engineer"))).as("the drain emptied the buffer").isTrue();
        assertThat(client.close()).isTrue();
        assertThat(client.close()).as("closed once").isFalse();
        assertThat(client.isClosed()).isTrue();
        assertThat(client.offer(event("0-4", "qa-engineer"))).as("a closed client is not 'slow'").isTrue();
    }

    private static GapStreamEvent event(String id, String persona) {
        return new GapStreamEvent(id, persona, "default", "p-1", "{}");
    }
}
