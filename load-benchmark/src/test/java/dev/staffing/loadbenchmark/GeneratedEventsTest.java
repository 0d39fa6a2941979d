package dev.staffing.loadbenchmark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.staffing.events.EmployeeDeparted;
import dev.staffing.events.EmployeeEvent;
import dev.staffing.events.EmployeeHired;
import dev.staffing.events.ProjectClosed;
import dev.staffing.events.ProjectEvent;
import dev.staffing.events.ProjectOpened;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GeneratedEventsTest {

    private static final int PEOPLE = 2_000;
    private static final int POOLS = 10;
    private static final int CHANGES = 20_000;

    @Test
    void theSameSeedGivesTheSameEvents() {
        assertThat(generate(7)).isEqualTo(generate(7));
        assertThat(generate(7)).isNotEqualTo(generate(8));
    }

    @Test
    void everyEntityStartsWithItsCreationAndThenCountsUpOneByOneUntilItEnds() {
        Map<String, Long> sequences = new HashMap<>();
        Set<String> ended = new HashSet<>();
        List<InputEvent> events = generate(42);
        for (InputEvent event : events) {
            boolean creation;
            boolean ending;
            long sequence;
            if (event.value() instanceof EmployeeEvent employee) {
                creation = employee.getPayload() instanceof EmployeeHired;
                ending = employee.getPayload() instanceof EmployeeDeparted;
                sequence = employee.getSequence();
            } else {
                ProjectEvent project = (ProjectEvent) event.value();
                creation = project.getPayload() instanceof ProjectOpened;
                ending = project.getPayload() instanceof ProjectClosed;
                sequence = project.getSequence();
            }
            String entity = event.topic() + "/" + event.key();
            assertThat(ended).as("event %d about %s after it ended", event.index(), entity).doesNotContain(entity);
            assertThat(sequence).as("sequence of event %d about %s", event.index(), entity)
                    .isEqualTo(sequences.getOrDefault(entity, 0L) + 1);
            assertThat(creation).as("event %d creates %s", event.index(), entity).isEqualTo(sequence == 1);
            sequences.put(entity, sequence);
            if (ending) {
                ended.add(entity);
            }
        }
        assertThat(events).hasSize(PEOPLE + PEOPLE / 10 + CHANGES);
        assertThat(events).extracting(InputEvent::index).containsExactlyElementsOf(
                java.util.stream.IntStream.range(0, events.size()).boxed().toList());
    }

    @Test
    void securityEngineersAreScarceAndBackendEngineersPlentiful() {
        long security = 0;
        long backend = 0;
        for (InputEvent event : generate(42).subList(0, PEOPLE + PEOPLE / 10)) {
            if (event.value() instanceof EmployeeEvent employee && employee.getPayload() instanceof EmployeeHired hired) {
                security += hired.getPersonas().contains("security-engineer") ? 1 : 0;
                backend += hired.getPersonas().contains(Personas.BACKEND) ? 1 : 0;
            }
        }
        assertThat(security).isBetween(PEOPLE / 100L, PEOPLE / 25L);
        assertThat(backend).isGreaterThan(PEOPLE / 4L);
    }

    private static List<InputEvent> generate(long seed) {
        EventWriter writer = new EventWriter(new EventIds(seed));
        Organisation organisation = Organisation.generate(seed, PEOPLE, POOLS, writer);
        List<InputEvent> events = new ArrayList<>(organisation.seedEvents());
        ChangeStream stream = new ChangeStream(organisation.pools(), writer, seed + 1);
        for (int i = 0; i < CHANGES; i++) {
            events.add(stream.next());
        }
        return events;
    }
}
