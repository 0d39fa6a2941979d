package dev.staffing.assignment.flow;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * A server-sent-events client for tests, as a dashboard would connect: java.net.http, lines read on a thread of
 * its own, each complete event (and each comment) kept in arrival order.
 */
final class SseClient implements AutoCloseable {

    /** One event as received: its name, id and data (lines joined with a newline). */
    record Event(String name, String id, String data) {
    }

    private final HttpResponse<Stream<String>> response;
    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final List<String> comments = new CopyOnWriteArrayList<>();
    private final Thread reader;

    private SseClient(HttpResponse<Stream<String>> response) {
        this.response = response;
        this.reader = new Thread(this::read, "sse-test-client");
        reader.setDaemon(true);
        reader.start();
    }

    /** Connects with HTTP basic credentials; returns once the response headers arrived. */
    static SseClient connect(String url, RunningService.Credentials credentials) {
        String basic = Base64.getEncoder().encodeToString((credentials.user() + ":" + credentials.password())
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream")
                .header("Authorization", "Basic " + basic).timeout(Duration.ofSeconds(30)).GET().build();
        try {
            return new SseClient(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                    .send(request, HttpResponse.BodyHandlers.ofLines()));
        } catch (Exception e) {
            throw new IllegalStateException("Could not connect to " + url, e);
        }
    }

    int status() {
        return response.statusCode();
    }

    String contentType() {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    List<Event> events() {
        return List.copyOf(events);
    }

    List<Event> events(String name) {
        return events.stream().filter(event -> name.equals(event.name())).toList();
    }

    List<String> comments() {
        return List.copyOf(comments);
    }

    private void read() {
        String name = null;
        String id = null;
        List<String> data = new ArrayList<>();
        try (Stream<String> lines = response.body()) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (!data.isEmpty() || name != null) {
                        events.add(new Event(name == null ? "message" : name, id, String.join("\n", data)));
                    }
                    name = null;
                    id = null;
                    data = new ArrayList<>();
                } else if (line.startsWith(":")) {
                    comments.add(line.substring(1));
                } else if (line.startsWith("event:")) {
                    name = field(line);
                } else if (line.startsWith("id:")) {
                    id = field(line);
                } else if (line.startsWith("data:")) {
                    data.add(field(line));
                }
            }
        } catch (RuntimeException closed) {
            // close() ended the stream, or the server did.
        }
    }

    private static String field(String line) {
        String value = line.substring(line.indexOf(':') + 1);
        return value.startsWith(" ") ? value.substring(1) : value;
    }

    @Override
    public void close() {
        response.body().close();
        reader.interrupt();
    }
}
