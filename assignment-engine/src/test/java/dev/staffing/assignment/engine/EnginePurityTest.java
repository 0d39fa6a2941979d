package dev.staffing.assignment.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The engine stays a plain library: no framework, broker, database or clock inside it. The module has
 * no compile dependencies; this also keeps out the JDK's own I/O and clocks.
 */
class EnginePurityTest {

    private static final Path ENGINE = Path.of("src/main/java/dev/staffing/assignment/engine");

    @Test
    void engineImportsNoFrameworkKafkaDatabaseOrOtherModule() throws IOException {
        List<String> offending;
        try (Stream<Path> sources = Files.walk(ENGINE)) {
            offending = sources.filter(path -> path.toString().endsWith(".java"))
                    .flatMap(path -> lines(path).stream()
                            .filter(line -> line.startsWith("import "))
                            .filter(line -> !line.startsWith("import java.") && !line.startsWith("import static java."))
                            .map(line -> path.getFileName() + ": " + line))
                    .toList();
        }
        assertThat(offending).isEmpty();
    }

    @Test
    void engineReadsNoClock() throws IOException {
        try (Stream<Path> sources = Files.walk(ENGINE)) {
            assertThat(sources.filter(path -> path.toString().endsWith(".java"))
                    .filter(path -> lines(path).stream().anyMatch(line -> line.contains(".now(")
                            || line.contains("currentTimeMillis") || line.contains("Clock")))
                    .toList()).isEmpty();
        }
    }

    private static List<String> lines(Path path) {
        try {
            return Files.readAllLines(path);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
