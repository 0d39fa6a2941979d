package dev.staffing.assignment.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The zero-configuration start: when no Kafka or no schema registry is configured, starts a real one
 * (a KRaft broker in this JVM, Apicurio Registry as a child process) before the application context
 * is built, and points the standard properties at it. Runs after the configuration files are read.
 */
public class EmbeddedInfrastructureEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String BOOTSTRAP_SERVERS = "spring.kafka.bootstrap-servers";
    static final String REGISTRY_URL = "spring.kafka.properties.schema.registry.url";

    private final Log log;

    public EmbeddedInfrastructureEnvironmentPostProcessor(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(EmbeddedInfrastructureEnvironmentPostProcessor.class);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        EmbeddedInfrastructureProperties settings = Binder.get(environment)
                .bindOrCreate("staffing.embedded", Bindable.of(EmbeddedInfrastructureProperties.class));
        boolean needKafka = !environment.containsProperty(BOOTSTRAP_SERVERS);
        boolean needRegistry = !environment.containsProperty(REGISTRY_URL);
        if (!settings.enabled() || (!needKafka && !needRegistry)) {
            return;
        }
        Path dataDir = Path.of(environment.getProperty("staffing.data-dir", "./staffing-data")).toAbsolutePath();
        if (settings.reset()) {
            deleteRecursively(dataDir.resolve("kafka"));
            deleteRecursively(dataDir.resolve("registry"));
        }
        EmbeddedInfrastructure infrastructure = new EmbeddedInfrastructure();
        Map<String, Object> addresses = new LinkedHashMap<>();
        try {
            if (needKafka) {
                EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir.resolve("kafka"),
                        FreePorts.preferred(settings.kafka().port()),
                        FreePorts.preferred(settings.kafka().controllerPort()),
                        settings.startupTimeout());
                infrastructure.add(broker);
                addresses.put(BOOTSTRAP_SERVERS, broker.bootstrapServers());
                log.info("Started embedded Kafka broker (KRaft) at " + broker.bootstrapServers() + ", data in "
                        + dataDir.resolve("kafka"));
            }
            if (needRegistry) {
                ApicurioRegistryProcess registry = ApicurioRegistryProcess.start(dataDir, settings.registry().port(),
                        settings.registry().home(), settings.registry().jdk(), settings.startupTimeout());
                infrastructure.add(registry);
                addresses.put(REGISTRY_URL, registry.url());
                log.info("Started embedded schema registry (Apicurio) at " + registry.url() + ", log in "
                        + registry.logFile());
            }
        } catch (RuntimeException e) {
            infrastructure.close();
            throw e;
        }
        environment.getPropertySources().addFirst(new MapPropertySource("staffingEmbeddedInfrastructure", addresses));
        application.addInitializers(context -> {
            context.getBeanFactory().registerSingleton("embeddedInfrastructure", infrastructure);
            context.addApplicationListener(event -> {
                if (event instanceof ContextClosedEvent) {
                    infrastructure.close();
                }
            });
        });
        application.addListeners(event -> {
            if (event instanceof ApplicationFailedEvent) {
                infrastructure.close();
            }
        });
    }

    private static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + path, e);
        }
    }
}
