package dev.staffing.assignment.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds Apicurio Registry's ready-built server (a folder with quarkus-run.jar): the configured folder,
 * next to the service's jar or classes (where the build unpacks it), under the working directory, or,
 * as a last resort, unpacked from the Maven repository's tar.gz into the data directory.
 */
final class RegistryDistributionLocator {

    static final String SETTING = "staffing.embedded.registry.home";
    static final String VERSION = "3.3.3";

    private RegistryDistributionLocator() {
    }

    static Path locate(String configuredHome, Path dataDir) {
        if (configuredHome != null && !configuredHome.isBlank()) {
            Path home = Path.of(configuredHome);
            if (!Files.isRegularFile(home.resolve("quarkus-run.jar"))) {
                throw new IllegalStateException(SETTING + "=" + configuredHome + " holds no quarkus-run.jar");
            }
            return home;
        }
        List<Path> candidates = new ArrayList<>();
        codeLocation().ifPresent(code -> {
            candidates.add(code.resolveSibling("apicurio-registry"));
            candidates.add(code.resolve("apicurio-registry"));
        });
        candidates.add(Path.of("assignment-service/target/apicurio-registry"));
        candidates.add(Path.of("target/apicurio-registry"));
        candidates.add(dataDir.resolve("apicurio-registry"));
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate.resolve("quarkus-run.jar"))) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        Path tarball = Path.of(System.getProperty("user.home"), ".m2", "repository", "io", "apicurio",
                "apicurio-registry-app", VERSION, "apicurio-registry-app-" + VERSION + "-all.tar.gz");
        if (Files.isRegularFile(tarball)) {
            return unpack(tarball, dataDir.resolve("apicurio-registry"));
        }
        throw new IllegalStateException("Apicurio Registry's server was not found (looked at " + candidates + " and "
                + tarball + "). Build with ./mvnw package (it unpacks it next to the jar), set " + SETTING
                + " to its folder, or point spring.kafka.properties.schema.registry.url at an external registry.");
    }

    private static Optional<Path> codeLocation() {
        try {
            var source = RegistryDistributionLocator.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return Optional.empty();
            }
            String location = source.getLocation().toString();
            // Inside a Spring Boot jar the location is jar:nested:/path/app.jar/!BOOT-INF/classes/!/
            int nested = location.indexOf("nested:");
            if (nested >= 0) {
                String path = location.substring(nested + "nested:".length());
                int end = path.indexOf("!");
                path = end >= 0 ? path.substring(0, end) : path;
                return Optional.of(Path.of(path.endsWith("/") ? path.substring(0, path.length() - 1) : path));
            }
            return Optional.of(Path.of(source.getLocation().toURI()));
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Path unpack(Path tarball, Path target) {
        try {
            Files.createDirectories(target);
            Process tar = new ProcessBuilder("tar", "xzf", tarball.toString(), "-C", target.toString())
                    .redirectErrorStream(true).start();
            String output = new String(tar.getInputStream().readAllBytes());
            if (tar.waitFor() != 0) {
                throw new IllegalStateException("Could not unpack " + tarball + ": " + output);
            }
            return target.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not unpack " + tarball, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while unpacking " + tarball, e);
        }
    }
}
