package dev.staffing.loadbenchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadOptionsTest {

    private static final Path ROOT = Path.of("/repo");

    @Test
    void oneInstanceUnlessToldOtherwise() {
        assertThat(LoadOptions.parse(new String[] {}, ROOT).instances()).containsExactly(1);
    }

    @Test
    void instanceCountsRunSideBySideOnPostgres() {
        LoadOptions options = LoadOptions.parse(new String[] {"--database", "postgres", "--instances", "1, 2"}, ROOT);

        assertThat(options.instances()).containsExactly(1, 2);
        assertThat(options.databases()).isEqualTo(List.of(Database.POSTGRES));
    }

    @Test
    void severalInstancesOnH2AreRefusedWithTheReason() {
        assertThatThrownBy(() -> LoadOptions.parse(new String[] {"--database", "both", "--instances", "1,2"}, ROOT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--instances 1,2 needs --database postgres")
                .hasMessageContaining("H2");
    }

    @Test
    void anInstanceCountMustBePositive() {
        assertThatThrownBy(() -> LoadOptions.parse(new String[] {"--database", "postgres", "--instances", "0"}, ROOT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--instances must be a positive whole number");
    }

    @Test
    void aWarmUpOfSixtyThousandChangesPrecedesTheMeasuredStreamUnlessToldOtherwise() {
        assertThat(LoadOptions.parse(new String[] {}, ROOT).warmup()).isEqualTo(60_000);
        assertThat(LoadOptions.parse(new String[] {"--warmup", "0"}, ROOT).warmup()).isZero();
        assertThatThrownBy(() -> LoadOptions.parse(new String[] {"--warmup", "-5"}, ROOT))
                .hasMessageContaining("--warmup");
    }
}
