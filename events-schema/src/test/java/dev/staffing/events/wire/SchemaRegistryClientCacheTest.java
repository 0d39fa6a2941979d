package dev.staffing.events.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client asks the registry once per subject and schema, whether the schema comes as the same instance
 * (a serializer's usual case, found without printing the schema) or as an equal copy. The registry here is a
 * stand-in that counts requests; the real registry is exercised by the service's wire-format tests.
 */
class SchemaRegistryClientCacheTest {

    private static final String SCHEMA = "{\"type\":\"record\",\"name\":\"Ping\",\"namespace\":\"test\","
            + "\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}";

    private final AtomicInteger requests = new AtomicInteger();
    private HttpServer registry;

    @BeforeEach
    void startRegistry() throws IOException {
        registry = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        registry.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            byte[] answer = "{\"id\":7}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/vnd.schemaregistry.v1+json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        registry.start();
    }

    @AfterEach
    void stopRegistry() {
        registry.stop(0);
    }

    @Test
    void theSameSchemaInstanceIsRegisteredOnce() {
        SchemaRegistryClient client = client();
        Schema schema = new Schema.Parser().parse(SCHEMA);

        for (int i = 0; i < 1_000; i++) {
            assertThat(client.register("pings-value", schema)).isEqualTo(7);
        }

        assertThat(requests).hasValue(1);
    }

    @Test
    void anEqualCopyOfASchemaIsFoundByItsTextAndAnotherSubjectIsAskedFor() {
        SchemaRegistryClient client = client();

        client.register("pings-value", new Schema.Parser().parse(SCHEMA));
        client.register("pings-value", new Schema.Parser().parse(SCHEMA));
        assertThat(requests).as("an equal copy").hasValue(1);

        client.register("other-value", new Schema.Parser().parse(SCHEMA));
        assertThat(requests).as("another subject").hasValue(2);
    }

    private SchemaRegistryClient client() {
        return new SchemaRegistryClient(List.of("http://127.0.0.1:" + registry.getAddress().getPort()), null);
    }
}
