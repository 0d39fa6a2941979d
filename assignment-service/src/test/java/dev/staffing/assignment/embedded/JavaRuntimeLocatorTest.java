package dev.staffing.assignment.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaRuntimeLocatorTest {

    @TempDir
    Path roots;

    @Test
    void picksTheNewestRuntimeThatIsNewEnough() throws IOException {
        assumeTrue(Runtime.version().feature() < 21, "this JVM is itself new enough, so it is chosen first");
        fakeJdk("jdk-17", 17);
        fakeJdk("jdk-21", 21);
        fakeJdk("jdk-25", 25);

        Path java = new JavaRuntimeLocator(List.of(roots)).locate(21, null);

        assertThat(java).isEqualTo(roots.resolve("jdk-25/bin/java"));
    }

    @Test
    void findsAJava21OrNewerOnThisMachine() {
        Path java = JavaRuntimeLocator.standard().locate(21, null);

        assertThat(JavaRuntimeLocator.featureVersion(java.getParent().getParent())).hasValueSatisfying(
                version -> assertThat(version).isGreaterThanOrEqualTo(21));
    }

    @Test
    void namesTheSettingWhenNoRuntimeIsNewEnough() throws IOException {
        fakeJdk("jdk-17", 17);

        assertThatThrownBy(() -> new JavaRuntimeLocator(List.of(roots)).locate(99, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("staffing.embedded.registry.jdk")
                .hasMessageContaining("STAFFING_EMBEDDED_REGISTRY_JDK")
                .hasMessageContaining("spring.kafka.properties.schema.registry.url");
    }

    @Test
    void refusesAConfiguredRuntimeThatIsTooOld() throws IOException {
        Path old = fakeJdk("jdk-17", 17);

        assertThatThrownBy(() -> new JavaRuntimeLocator(List.of()).locate(21, old.toString()))
                .hasMessageContaining("staffing.embedded.registry.jdk").hasMessageContaining("17");
    }

    private Path fakeJdk(String name, int version) throws IOException {
        Path home = roots.resolve(name);
        Files.createDirectories(home.resolve("bin"));
        Path java = Files.createFile(home.resolve("bin/java"));
        java.toFile().setExecutable(true);
        Files.writeString(home.resolve("release"), "JAVA_VERSION=\"" + version + ".0.1\"\n");
        return home;
    }
}
