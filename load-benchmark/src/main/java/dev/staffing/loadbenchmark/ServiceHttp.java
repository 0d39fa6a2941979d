package dev.staffing.loadbenchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service's health and actuator metrics, read as its local reader user through one signed-in session.
 *
 * <p>It signs in once with the login form and sends the session cookie with every metrics request, instead of
 * HTTP basic on each: the service checks a password with BCrypt, which is meant to be slow, and the sampler's
 * polling cost the service under test a large share of its CPU in BCrypt. When the session is gone (a 401, or
 * a redirect to the login page) it signs in again and repeats the request once. One client (and so one cookie
 * jar) per service instance: cookies do not tell ports apart, and every instance is on 127.0.0.1.
 */
final class ServiceHttp {

    private static final Pattern CSRF_INPUT = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*>");
    private static final Pattern VALUE = Pattern.compile("value=\"([^\"]*)\"");

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    private final ObjectMapper json = new ObjectMapper();
    private final String base;
    private final String user;
    private final String password;
    /** Counts sign-ins, so that two threads that lost the same session sign in again only once. */
    private int session;
    /** Said once, not every half second. */
    private volatile String lastSignInFailure;

    ServiceHttp(int port, String user, String password) {
        this.base = "http://127.0.0.1:" + port;
        this.user = user;
        this.password = password;
    }

    boolean healthUp() {
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && json.readTree(response.body()).path("status").asText().equals("UP");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * The VALUE or COUNT of a meter, with tags as {@code name:value}; empty when the service does not answer
     * (a metric read must never stop a run).
     */
    OptionalDouble metric(String name, String... tags) {
        StringBuilder uri = new StringBuilder(base).append("/actuator/metrics/").append(name);
        for (int i = 0; i < tags.length; i++) {
            uri.append(i == 0 ? '?' : '&').append("tag=").append(tags[i]);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(uri.toString())).timeout(Duration.ofSeconds(5)).build();
        try {
            int signedIn = signedInSession();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (sessionLost(response)) {
                signInAgain(signedIn);
                response = client.send(request, HttpResponse.BodyHandlers.ofString());
            }
            if (response.statusCode() != 200) {
                return OptionalDouble.empty();
            }
            for (JsonNode measurement : json.readTree(response.body()).path("measurements")) {
                String statistic = measurement.path("statistic").asText();
                if (statistic.equals("VALUE") || statistic.equals("COUNT")) {
                    return OptionalDouble.of(measurement.path("value").asDouble());
                }
            }
            return OptionalDouble.empty();
        } catch (SignInFailed e) {
            if (!e.getMessage().equals(lastSignInFailure)) {
                lastSignInFailure = e.getMessage();
                System.err.println("Signing in to the service at " + base + " as " + user + " failed: " + e.getMessage());
            }
            return OptionalDouble.empty();
        } catch (IOException e) {
            return OptionalDouble.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalDouble.empty();
        }
    }

    /** Signs in once, before the first request; returns the session in use. */
    private synchronized int signedInSession() throws IOException, InterruptedException, SignInFailed {
        if (session == 0) {
            signIn();
        }
        return session;
    }

    /** Signs in again unless another thread already did since {@code lostSession} was lost. */
    private synchronized void signInAgain(int lostSession) throws IOException, InterruptedException, SignInFailed {
        if (session == lostSession) {
            signIn();
        }
    }

    /** The login form: read its CSRF token (the GET also opens the session it belongs to), then post it. */
    private void signIn() throws IOException, InterruptedException, SignInFailed {
        HttpResponse<String> form = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher input = CSRF_INPUT.matcher(form.body());
        Matcher token = input.find() ? VALUE.matcher(input.group()) : null;
        if (form.statusCode() != 200 || token == null || !token.find()) {
            throw new SignInFailed("GET /login answered " + form.statusCode() + " without a _csrf input");
        }
        String body = "username=" + encode(user) + "&password=" + encode(password) + "&_csrf=" + encode(token.group(1));
        HttpResponse<Void> signedIn = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.discarding());
        String location = signedIn.headers().firstValue("Location").orElse("");
        if (signedIn.statusCode() != 302 || location.contains("/login")) {
            throw new SignInFailed("POST /login answered " + signedIn.statusCode() + " to " + location);
        }
        session++;
    }

    /** Spring Security answers an actuator request without a session with 401; a browser's page with the form. */
    private static boolean sessionLost(HttpResponse<?> response) {
        return response.statusCode() == 401 || response.statusCode() == 302
                && response.headers().firstValue("Location").orElse("").contains("/login");
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** The service refused the reader's sign-in; the metric reads as unanswered. */
    private static final class SignInFailed extends Exception {

        SignInFailed(String message) {
            super(message);
        }
    }
}
