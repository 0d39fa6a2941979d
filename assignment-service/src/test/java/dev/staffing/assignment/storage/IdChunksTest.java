package dev.staffing.assignment.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
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
    void upTo250IdsMakeOneStatement() {
        assertThat(IdChunks.SIZE).isEqualTo(250);
        assertThat(IdChunks.of(ids(1))).containsExactly(ids(1));
        assertThat(IdChunks.of(ids(250))).containsExactly(ids(250));
    }

    @Test
    void moreThan250IdsAreSplitInOrderIntoChunksOf250() {
        List<String> ids = ids(845);

        List<List<String>> chunks = IdChunks.of(ids);

        assertThat(chunks).extracting(List::size).containsExactly(250, 250, 250, 95);
        assertThat(chunks.stream().flatMap(List::stream).toList()).isEqualTo(ids);
    }

    @Test
    void twoHundredFiftyOneIdsLeaveOneForASecondStatement() {
        assertThat(IdChunks.of(ids(251))).extracting(List::size).containsExactly(250, 1);
    }

    @Test
    void idsThatAreNoListAreChunkedInTheirIterationOrder() {
        LinkedHashSet<String> ids = new LinkedHashSet<>(ids(1_500));

        assertThat(IdChunks.of(ids).stream().flatMap(List::stream).toList()).containsExactlyElementsOf(ids);
    }

    @Test
    void aReadByIdRunsOneStatementPerChunkAndReturnsWhatAllFound() {
        List<Integer> statementSizes = new ArrayList<>();

        List<String> found = IdChunks.readAll(ids(600), chunk -> {
            statementSizes.add(chunk.length);
            return List.of(chunk[0], chunk[chunk.length - 1]);
        });

        assertThat(statementSizes).containsExactly(250, 250, 100);
        assertThat(found).containsExactly("id-0", "id-249", "id-250", "id-499", "id-500", "id-599");
        assertThat(IdChunks.readAll(List.of(), chunk -> List.of("never"))).isEmpty();
    }
}
