package dev.staffing.loadbenchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ServiceProcessTest {

    /** Maven runs the module's tests in the module's folder; the Dockerfile is at the repository's top. */
    private static final Path DOCKERFILE = Path.of("..", "Dockerfile");

    @Test
    void theServiceRunsWithTheJvmOptionsOfItsImage() throws Exception {
        String entryPoint = Files.readAllLines(DOCKERFILE).stream().filter(line -> line.startsWith("ENTRYPOINT"))
                .findFirst().orElseThrow();
        assertThat(ServiceProcess.IMAGE_JVM_OPTIONS).isNotEmpty()
                .allSatisfy(option -> assertThat(entryPoint).contains("\"" + option + "\""));
    }
}
