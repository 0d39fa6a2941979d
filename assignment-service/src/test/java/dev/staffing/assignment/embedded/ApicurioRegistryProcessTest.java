package dev.staffing.assignment.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApicurioRegistryProcessTest {

    @TempDir
    Path dataDir;

    @Test
    void registryLeftRunningByAKilledServiceIsStoppedBeforeTheNextStarts() throws Exception {
        ApicurioRegistryProcess orphan = ApicurioRegistryProcess.start(dataDir, 0, null, null, Duration.ofSeconds(90));
        long orphanPid = Long.parseLong(Files.readString(dataDir.resolve("registry.pid")).trim());

        try (ApicurioRegistryProcess next = ApicurioRegistryProcess.start(dataDir, 0, null, null,
                Duration.ofSeconds(90))) {
            assertThat(ProcessHandle.of(orphanPid).filter(ProcessHandle::isAlive)).as("the orphan was stopped").isEmpty();
            assertThat(next.url()).isNotEqualTo(orphan.url());
        } finally {
            orphan.close();
        }
    }
}
