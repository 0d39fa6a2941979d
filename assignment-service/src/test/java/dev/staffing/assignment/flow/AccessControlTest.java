package dev.staffing.assignment.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.staffing.assignment.support.SharedInfrastructure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Who may do what, against the running service: local users (configured and generated) and JWTs signed by a
 * key the service was told to trust. Nothing is mocked: requests go over HTTP through the whole filter chain.
 */
class AccessControlTest {

    /** A write endpoint; security answers before the handler is looked up. */
    private static final String WRITE = "/api/gaps/p-none/security/1/acknowledgement";

    @TempDir
    static Path dir;

    private static final HttpClient client = HttpClient.newHttpClient();

    private static Map<String, Object> settings(String name) {
        SharedInfrastructure infrastructure = SharedInfrastructure.get();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> settings = new HashMap<>(RunningService.isolatedSettings(
                infrastructure.bootstrapServers(), infrastructure.registryUrl(), suffix));
        settings.put("spring.datasource.url", RunningService.h2FileUrl(dir.resolve(name + "-" + suffix)));
        return settings;
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class LocalUsers {

        private RunningService service;

        @BeforeAll
        void start() {
            service = RunningService.start(settings("local"));
        }

        @AfterAll
        void stop() {
            service.close();
        }

        @Test
        void withoutCredentialsTheApiIs401WithABasicChallengeAndHealthShowsOnlyItsStatus() throws Exception {
            HttpResponse<String> gaps = send(request("/api/gaps").GET());
            assertThat(gaps.statusCode()).isEqualTo(401);
            assertThat(gaps.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                    challenge -> assertThat(challenge).startsWith("Basic"));
            assertThat(send(request("/actuator/prometheus").GET()).statusCode()).isEqualTo(401);
            assertThat(send(request("/api/me").GET()).statusCode()).isEqualTo(401);

            HttpResponse<String> health = send(request("/actuator/health").GET());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"").doesNotContain("components");
        }

        @Test
        void aBrowserWithoutASessionIsSentToTheLoginForm() throws Exception {
            HttpResponse<String> board = send(request("/").header("Accept", "text/html").GET());
            assertThat(board.statusCode()).isEqualTo(302);
            assertThat(board.headers().firstValue("Location")).hasValueSatisfying(
                    location -> assertThat(location).endsWith("/login"));
            HttpResponse<String> login = send(request("/login").header("Accept", "text/html").GET());
            assertThat(login.statusCode()).isEqualTo(200);
            assertThat(login.body()).contains("name=\"username\"").contains("_csrf");
        }

        @Test
        void theReaderReadsButMayNotChange() throws Exception {
            RunningService.Credentials reader = RunningService.readerCredentials();
            assertThat(send(basic(request("/api/gaps"), reader).GET()).statusCode()).isEqualTo(200);
            assertThat(send(basic(request("/actuator/prometheus"), reader).GET()).statusCode()).isEqualTo(200);
            HttpResponse<String> me = send(basic(request("/api/me"), reader).GET());
            assertThat(me.body()).contains("\"name\":\"" + reader.user() + "\"").contains("\"roles\":[\"READER\"]")
                    .contains("\"canChange\":false");

            HttpResponse<String> write = send(json(basic(request(WRITE), reader)));
            assertThat(write.statusCode()).isEqualTo(403);
        }

        @Test
        void theManagerReadsAndChanges() throws Exception {
            RunningService.Credentials manager = RunningService.managerCredentials();
            assertThat(send(basic(request("/api/gaps"), manager).GET()).statusCode()).isEqualTo(200);
            HttpResponse<String> me = send(basic(request("/api/me"), manager).GET());
            assertThat(me.body()).contains("\"roles\":[\"MANAGER\",\"READER\"]").contains("\"canChange\":true");
            HttpResponse<String> health = send(basic(request("/actuator/health"), manager).GET());
            assertThat(health.body()).contains("components").contains("ingest");

            HttpResponse<String> write = send(json(basic(request(WRITE), manager)));
            assertThat(write.statusCode()).as("past access control: the gap does not exist").isNotIn(401, 403);
        }

        @Test
        void aWrongPasswordIs401AndAFormPostWithoutCsrfTokenIs403() throws Exception {
            RunningService.Credentials manager = RunningService.managerCredentials();
            RunningService.Credentials wrong = new RunningService.Credentials(manager.user(), "not-the-password");
            assertThat(send(basic(request("/api/gaps"), wrong).GET()).statusCode()).isEqualTo(401);

            // A cross-site form could send this; a browser may attach cached basic credentials to it.
            HttpResponse<String> form = send(basic(request(WRITE), manager)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("note=forged")));
            assertThat(form.statusCode()).isEqualTo(403);
        }

        private HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create(service.baseUrl() + path));
        }
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void generatedPasswordsArePrintedOnceAndWork(CapturedOutput output) throws Exception {
        Map<String, Object> settings = settings("generated");
        settings.put("staffing.security.local-users.manager-password", "");
        settings.put("staffing.security.local-users.reader-password", "");
        try (RunningService service = RunningService.start(settings)) {
            List<String> lines = output.getAll().lines().filter(line -> line.contains("Local users")).toList();
            assertThat(lines).hasSize(1);
            Matcher matcher = Pattern.compile("manager '([^']+)' password '([^']+)' \\(generated\\), reader '([^']+)'"
                    + " password '([^']+)' \\(generated\\)").matcher(lines.get(0));
            assertThat(matcher.find()).as(lines.get(0)).isTrue();
            RunningService.Credentials manager = new RunningService.Credentials(matcher.group(1), matcher.group(2));
            RunningService.Credentials reader = new RunningService.Credentials(matcher.group(3), matcher.group(4));
            assertThat(manager.password()).hasSizeGreaterThanOrEqualTo(24).isNotEqualTo(reader.password());

            HttpRequest.Builder me = HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/me"));
            assertThat(send(basic(me, manager).GET()).body()).contains("\"canChange\":true");
            me = HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/me"));
            assertThat(send(basic(me, reader).GET()).body()).contains("\"canChange\":false");
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class JwtBearerTokens {

        private RunningService service;
        private KeyPair trusted;
        private KeyPair untrusted;

        @BeforeAll
        void start() throws Exception {
            trusted = rsaKeyPair();
            untrusted = rsaKeyPair();
            Path publicKey = dir.resolve("issuer-" + UUID.randomUUID() + ".pem");
            Files.writeString(publicKey, "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(trusted.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n");
            Map<String, Object> settings = settings("jwt");
            settings.put("spring.security.oauth2.resourceserver.jwt.public-key-location", "file:" + publicKey);
            settings.put("staffing.security.jwt.roles-claim", "realm_access.roles");
            service = RunningService.start(settings);
        }

        @AfterAll
        void stop() {
            service.close();
        }

        @Test
        void aReaderTokenReadsButMayNotChange() throws Exception {
            String token = token(trusted, "u-1001", List.of("staffing-reader"), Instant.now().plusSeconds(300));
            assertThat(send(bearer(request("/api/gaps"), token).GET()).statusCode()).isEqualTo(200);
            assertThat(send(bearer(request("/api/me"), token).GET()).body())
                    .contains("\"name\":\"u-1001\"").contains("\"canChange\":false");
            assertThat(send(json(bearer(request(WRITE), token))).statusCode()).isEqualTo(403);
        }

        @Test
        void aManagerTokenChanges() throws Exception {
            String token = token(trusted, "u-2002", List.of("staffing-manager", "other"),
                    Instant.now().plusSeconds(300));
            assertThat(send(json(bearer(request(WRITE), token))).statusCode()).isNotIn(401, 403);
        }

        @Test
        void expiredForeignOrRolelessTokensAndLocalUsersAreRefused() throws Exception {
            String expired = token(trusted, "u-1", List.of("staffing-manager"), Instant.now().minusSeconds(120));
            String foreign = token(untrusted, "u-1", List.of("staffing-manager"), Instant.now().plusSeconds(300));
            String roleless = token(trusted, "u-1", List.of("something-else"), Instant.now().plusSeconds(300));
            assertThat(send(bearer(request("/api/gaps"), expired).GET()).statusCode()).isEqualTo(401);
            assertThat(send(bearer(request("/api/gaps"), foreign).GET()).statusCode()).isEqualTo(401);
            assertThat(send(bearer(request("/api/gaps"), roleless).GET()).statusCode()).isEqualTo(403);
            assertThat(send(request("/api/gaps").GET()).statusCode()).isEqualTo(401);
            assertThat(send(basic(request("/api/gaps"), RunningService.managerCredentials()).GET()).statusCode())
                    .as("local users are off once a JWT key is configured").isEqualTo(401);
            assertThat(send(request("/actuator/health").GET()).statusCode()).isEqualTo(200);
        }

        private HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create(service.baseUrl() + path));
        }
    }

    private static KeyPair rsaKeyPair() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static String token(KeyPair key, String subject, List<String> roles, Instant expires)
            throws JOSEException {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(subject).issuer("https://idp.example")
                .issueTime(Date.from(expires.minusSeconds(600))).expirationTime(Date.from(expires))
                .claim("realm_access", Map.of("roles", roles)).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        jwt.sign(new RSASSASigner((RSAPrivateKey) key.getPrivate()));
        return jwt.serialize();
    }

    private static HttpRequest.Builder basic(HttpRequest.Builder request, RunningService.Credentials credentials) {
        return request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                (credentials.user() + ":" + credentials.password()).getBytes(StandardCharsets.UTF_8)));
    }

    private static HttpRequest.Builder bearer(HttpRequest.Builder request, String token) {
        return request.header("Authorization", "Bearer " + token);
    }

    private static HttpRequest json(HttpRequest.Builder request) {
        return request.header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"note\":\"on it\"}")).build();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return send(request.build());
    }

    private static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
