package dev.staffing.assignment.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds a Java runtime of at least a given feature version for the registry child process: the
 * configured home, the running JVM, JAVA_HOME, then the usual install folders (newest first).
 */
final class JavaRuntimeLocator {

    static final String SETTING = "staffing.embedded.registry.jdk";

    private static final Pattern VERSION = Pattern.compile("JAVA_VERSION=\"(\\d+)");

    private final List<Path> searchRoots;

    JavaRuntimeLocator(List<Path> searchRoots) {
        this.searchRoots = List.copyOf(searchRoots);
    }

    static JavaRuntimeLocator standard() {
        Path home = Path.of(System.getProperty("user.home"));
        return new JavaRuntimeLocator(List.of(Path.of("/usr/lib/jvm"), Path.of("/opt/java"), Path.of("/usr/java"),
                home.resolve(".sdkman/candidates/java"), home.resolve(".jdks"),
                Path.of("/Library/Java/JavaVirtualMachines")));
    }

    /** The java executable to use. */
    Path locate(int minimumVersion, String configuredHome) {
        if (configuredHome != null && !configuredHome.isBlank()) {
            Path home = Path.of(configuredHome);
            if (featureVersion(home).orElse(0) < minimumVersion) {
                throw new IllegalStateException(SETTING + "=" + configuredHome + " is not a Java " + minimumVersion
                        + " or newer runtime (its release file says " + featureVersion(home).map(String::valueOf)
                        .orElse("nothing") + ")");
            }
            return executable(home);
        }
        if (Runtime.version().feature() >= minimumVersion) {
            return executable(Path.of(System.getProperty("java.home")));
        }
        List<Path> candidates = new ArrayList<>();
        Optional.ofNullable(System.getenv("JAVA_HOME")).map(Path::of).ifPresent(candidates::add);
        for (Path root : searchRoots) {
            candidates.addAll(children(root));
        }
        return candidates.stream()
                .filter(home -> featureVersion(home).orElse(0) >= minimumVersion)
                .filter(home -> Files.isExecutable(executable(home)))
                .max(Comparator.comparingInt((Path home) -> featureVersion(home).orElse(0))
                        .thenComparing(Path::toString))
                .map(JavaRuntimeLocator::executable)
                .orElseThrow(() -> new IllegalStateException("The embedded schema registry (Apicurio) needs Java "
                        + minimumVersion + " or newer, and none was found (this JVM is " + Runtime.version().feature()
                        + "; looked at JAVA_HOME and " + searchRoots + "). Set " + SETTING
                        + " (env STAFFING_EMBEDDED_REGISTRY_JDK) to a Java " + minimumVersion
                        + "+ home, or point spring.kafka.properties.schema.registry.url at an external registry."));
    }

    static Optional<Integer> featureVersion(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release)) {
            return Optional.empty();
        }
        try {
            Matcher matcher = VERSION.matcher(Files.readString(release));
            return matcher.find() ? Optional.of(Integer.parseInt(matcher.group(1))) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Path executable(Path home) {
        return home.resolve("bin").resolve("java");
    }

    private static List<Path> children(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(root)) {
            return entries.flatMap(dir -> Stream.of(dir, dir.resolve("Contents/Home"))).toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
