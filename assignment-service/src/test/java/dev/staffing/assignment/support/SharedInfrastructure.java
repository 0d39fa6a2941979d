package dev.staffing.assignment.support;

import dev.staffing.assignment.embedded.ApicurioRegistryProcess;
import dev.staffing.assignment.embedded.EmbeddedKafkaBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One real Kafka broker (KRaft, in this JVM) and one real Apicurio registry (child process) for the
 * whole test run, started on first use with the service's own embedded classes and stopped when the
 * JVM exits. Tests isolate themselves by topic names and consumer groups.
 */
public final class SharedInfrastructure {

    private static SharedInfrastructure instance;

    private final EmbeddedKafkaBroker broker;
    private final ApicurioRegistryProcess registry;

    private SharedInfrastructure(EmbeddedKafkaBroker broker, ApicurioRegistryProcess registry) {
        this.broker = broker;
        this.registry = registry;
    }

    /** The shared broker and registry, started on first call. */
    public static synchronized SharedInfrastructure get() {
        if (instance == null) {
            try {
                Path dataDir = Files.createTempDirectory("staffing-test-infrastructure");
                EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir.resolve("kafka"), 0, 0,
                        Duration.ofSeconds(60));
                ApicurioRegistryProcess registry = ApicurioRegistryProcess.start(dataDir, 0, null, null,
                        Duration.ofSeconds(90));
                instance = new SharedInfrastructure(broker, registry);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    registry.close();
                    broker.close();
                }, "shared-test-infrastructure-shutdown"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /** The registry's Confluent-compatible base URL. */
    public String registryUrl() {
        return registry.url();
    }
}
