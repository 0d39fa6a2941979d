package dev.staffing.assignment.flow;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A pass-through HTTP proxy in front of the real schema registry that, on request, answers one schema id
 * with a 503 (the registry failing on its side) until healed: a transient failure in the middle of a batch.
 */
final class IngestMetricsRegistryProxy implements AutoCloseable {

    private static final List<String> FORWARDED_HEADERS = List.of("Accept", "Content-Type", "Authorization");

    private final HttpServer server;
    private final URI registry;
    private final HttpClient client = HttpClient.newHttpClient();
    private final AtomicInteger failedLookups = new AtomicInteger();
    private volatile String failingPath;

    private IngestMetricsRegistryProxy(HttpServer server, URI registry) {
        this.server = server;
        this.registry = registry;
    }

    /** @param registryUrl the registry's Confluent-compatible base URL, with its path */
    static IngestMetricsRegistryProxy start(String registryUrl) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        IngestMetricsRegistryProxy proxy = new IngestMetricsRegistryProxy(server, URI.create(registryUrl));
        server.createContext("/", proxy::handle);
        server.start();
        return proxy;
    }

    /** The proxy's base URL, with the registry's path. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + registry.getPath();
    }

    void failSchemaLookups(int schemaId) {
        failingPath = registry.getPath() + "/schemas/ids/" + schemaId;
    }

    void heal() {
        failingPath = null;
    }

    int failedLookups() {
        return failedLookups.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            if (path.equals(failingPath)) {
                failedLookups.incrementAndGet();
                respond(exchange, 503, "application/json",
                        "{\"error_code\":50003,\"message\":\"injected outage\"}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String query = exchange.getRequestURI().getRawQuery();
            URI target = registry.resolve(path + (query == null ? "" : "?" + query));
            HttpRequest.Builder request = HttpRequest.newBuilder(target).method(exchange.getRequestMethod(),
                    body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            FORWARDED_HEADERS.forEach(name -> {
                String value = exchange.getRequestHeaders().getFirst(name);
                if (value != null) {
                    request.header(name, value);
                }
            });
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            respond(exchange, response.statusCode(), response.headers().firstValue("Content-Type")
                    .orElse("application/json"), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted forwarding to the registry", e);
        }
    }

    private static void respond(HttpExchange exchange, int status, String contentType, byte[] body)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
