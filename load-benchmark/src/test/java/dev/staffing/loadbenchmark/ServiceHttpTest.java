package dev.staffing.loadbenchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The metrics client against a stand-in for the service's form login: a session cookie from GET /login, the
 * CSRF token in the form, a new session id once signed in, 401 for an actuator request without a signed-in
 * session (what the service's security answers; checked against the built service by hand with curl).
 */
class ServiceHttpTest {

    private static final String PASSWORD = "reader-secret";

    private final Map<String, String> tokenBySession = new ConcurrentHashMap<>();
    private final Set<String> signedIn = ConcurrentHashMap.newKeySet();
    private final AtomicInteger sessions = new AtomicInteger();
    private final AtomicInteger signIns = new AtomicInteger();
    private HttpServer server;

    @BeforeEach
    void startLoginForm() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/login", this::login);
        server.createContext("/actuator/metrics/", this::metric);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void signsInOnceAndReadsEveryMetricThroughTheSession() {
        ServiceHttp http = new ServiceHttp(server.getAddress().getPort(), "viewer", PASSWORD);

        for (int i = 0; i < 5; i++) {
            assertThat(http.metric("jvm.memory.used", "area:heap")).hasValue(42.0);
        }

        assertThat(signIns).hasValue(1);
    }

    @Test
    void signsInAgainWhenTheSessionIsLost() {
        ServiceHttp http = new ServiceHttp(server.getAddress().getPort(), "viewer", PASSWORD);
        assertThat(http.metric("jvm.memory.used")).hasValue(42.0);

        signedIn.clear();

        assertThat(http.metric("jvm.memory.used")).hasValue(42.0);
        assertThat(signIns).hasValue(2);
    }

    @Test
    void aRefusedSignInReadsAsNoAnswer() {
        ServiceHttp http = new ServiceHttp(server.getAddress().getPort(), "viewer", "wrong");

        assertThat(http.metric("jvm.memory.used")).isEmpty();
        assertThat(signIns).hasValue(0);
    }

    private void login(HttpExchange exchange) throws IOException {
        String session = cookie(exchange);
        if (exchange.getRequestMethod().equals("GET")) {
            String opened = "pre-" + sessions.incrementAndGet();
            String token = "token-" + opened;
            tokenBySession.put(opened, token);
            exchange.getResponseHeaders().add("Set-Cookie", "JSESSIONID=" + opened + "; Path=/; HttpOnly");
            send(exchange, 200, "<form method=\"post\" action=\"/login\"><input name=\"username\" type=\"text\"/>"
                    + "<input name=\"_csrf\" type=\"hidden\" value=\"" + token + "\" /></form>");
            return;
        }
        Map<String, String> form = Arrays.stream(new String(exchange.getRequestBody().readAllBytes(),
                StandardCharsets.UTF_8).split("&")).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
        boolean tokenMatches = session != null && form.get("_csrf").equals(tokenBySession.get(session));
        if (!tokenMatches || !form.get("username").equals("viewer") || !form.get("password").equals(PASSWORD)) {
            exchange.getResponseHeaders().add("Location", "/login?error");
            send(exchange, 302, "");
            return;
        }
        // Like Spring Security: a new session id once signed in (session fixation protection).
        String authenticated = "auth-" + sessions.incrementAndGet();
        signedIn.add(authenticated);
        signIns.incrementAndGet();
        exchange.getResponseHeaders().add("Set-Cookie", "JSESSIONID=" + authenticated + "; Path=/; HttpOnly");
        exchange.getResponseHeaders().add("Location", "/");
        send(exchange, 302, "");
    }

    private void metric(HttpExchange exchange) throws IOException {
        if (!signedIn.contains(String.valueOf(cookie(exchange)))) {
            send(exchange, 401, "");
            return;
        }
        send(exchange, 200, "{\"name\":\"x\",\"measurements\":[{\"statistic\":\"VALUE\",\"value\":42.0}]}");
    }

    private static String cookie(HttpExchange exchange) {
        return exchange.getRequestHeaders().getOrDefault("Cookie", List.of()).stream()
                .flatMap(header -> Arrays.stream(header.split(";\\s*")))
                .filter(pair -> pair.startsWith("JSESSIONID=")).map(pair -> pair.substring("JSESSIONID=".length()))
                .findFirst().orElse(null);
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }
}
