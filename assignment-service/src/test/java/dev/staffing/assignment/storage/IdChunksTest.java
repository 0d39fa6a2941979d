package dev.staffing.assignment.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class IdChunksTest {

    private static List<String> ids(int count) {
        return IntStream.range(0, count).mapToObj(i -> "id-" + i).toList();
    }

    @Test
    void noIdsMakeNoStatements() {
        assertThat(IdChunks.of(List.of())).isEmpty();
    }

    @Test
    void upToAThousandIdsMakeOneStatement() {
        assertThat(IdChunks.of(ids(1))).containsExactly(ids(1));
        assertThat(IdChunks.of(ids(1_000))).containsExactly(ids(1_000));
    }

    @Test
    void moreThanAThousandIdsAreSplitInOrderIntoChunksOfAThousand() {
        List<String> ids = ids(2_345);

        List<List<String>> chunks = IdChunks.of(ids);

        assertThat(chunks).extracting(List::size).containsExactly(1_000, 1_000, 345);
        assertThat(chunks.stream().flatMap(List::stream).toList()).isEqualTo(ids);
    }

    @Test
    void aThousandAndOneIdsLeaveOneForASecondStatement() {
        assertThat(IdChunks.of(ids(1_001))).extracting(List::size).containsExactly(1_000, 1);
    }

    @Test
    void idsThatAreNoListAreChunkedInTheirIterationOrder() {
        LinkedHashSet<String> ids = new LinkedHashSet<>(ids(1_500));

        assertThat(IdChunks.of(ids).stream().flatMap(List::stream).toList()).containsExactlyElementsOf(ids);
    }
}
