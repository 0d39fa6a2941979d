package dev.staffing.assignment.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What /actuator/prometheus tells Grafana after a known organisation was fed in: the state gauges agree with
 * the API, the ingest and decision meters counted what happened, the Kafka consumer's lag is exported, and
 * every metric the shipped dashboard queries exists.
 */
class StaffingMetricsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Pattern QUOTED = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern GROUPING = Pattern.compile(
            "\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Set<String> PROMQL_WORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without",
            "on", "ignoring", "group_left", "group_right", "inf", "nan");

    @TempDir
    static Path databaseDir;

    private static ApiFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        Map<String, Object> settings = new HashMap<>(ApiFixture.h2(databaseDir));
        settings.put("staffing.metrics.refresh-interval", "1s");
        fixture = ApiFixture.start(settings);
    }

    @AfterAll
    static void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void openGapAndSeatGaugesAgreeWithTheApi() {
        long criticalSecurity = fixture.get("/api/gaps?persona=security-engineer&severity=CRITICAL")
                .get("totalItems").asLong();
        long openGaps = fixture.get("/api/gaps").get("totalItems").asLong();
        long filled = 0;
        for (JsonNode project : fixture.get("/api/projects?size=500").get("items")) {
            filled += project.get("filled").asLong();
        }
        assertThat(criticalSecurity).isEqualTo(5);
        long expectedFilled = filled;

        await().atMost(PATIENCE).untilAsserted(() -> {
            String metrics = prometheus();
            assertThat(value(metrics, "staffing_gaps_open", "persona=\"security-engineer\"",
                    "severity=\"CRITICAL\"")).hasValue(criticalSecurity);
            assertThat(sum(metrics, "staffing_gaps_open")).isEqualTo(openGaps);
            assertThat(value(metrics, "staffing_seats", "state=\"filled\"")).hasValue(expectedFilled);
            assertThat(value(metrics, "staffing_seats", "state=\"unfilled\"")).hasValue(openGaps);
        });
        assertThat(value(prometheus(), "staffing_gaps_open", "persona=\"ux-designer\"", "severity=\"LOW\""))
                .as("a catalog persona without gaps is exported at 0").hasValue(0);
    }

    @Test
    void ingestDecisionAndConsumerMetricsAreExported() {
        await().atMost(PATIENCE).untilAsserted(() -> {
            String metrics = prometheus();
            double applied = sum(metrics, "staffing_ingest_events_total", "outcome=\"applied\"");
            assertThat(applied).isEqualTo(ApiFixture.APPLIED_EVENTS);
            assertThat(value(metrics, "staffing_decision_latency_seconds_count")).as("one per applied event")
                    .hasValue(applied);
            assertThat(value(metrics, "staffing_decision_latency_seconds_bucket", "le=\"+Inf\"")).hasValue(applied);
            assertThat(lines(metrics, "staffing_decision_latency_seconds_bucket")).hasSizeGreaterThan(10);
            assertThat(value(metrics, "staffing_engine_decide_seconds_count").orElseThrow()).isPositive();
            assertThat(lines(metrics, "staffing_engine_decide_seconds_bucket")).hasSizeGreaterThan(10);
            assertThat(lines(metrics, "kafka_consumer_fetch_manager_records_lag_max"))
                    .as("the ingest consumer's lag, through spring-kafka's MicrometerConsumerListener").isNotEmpty();
            assertThat(value(metrics, "staffing_health", "component=\"service\"")).hasValue(1);
            assertThat(value(metrics, "staffing_health", "component=\"db\"")).hasValue(1);
        });
    }

    @Test
    void everyMetricTheDashboardQueriesIsExported() throws IOException {
        JsonNode dashboard = JsonMapper.builder().build().readTree(Files.readString(dashboardFile()));
        assertThat(dashboard.get("templating").get("list")).anySatisfy(variable -> {
            assertThat(variable.get("name").asString()).isEqualTo("datasource");
            assertThat(variable.get("query").asString()).isEqualTo("prometheus");
        });
        List<String> expressions = dashboard.findValuesAsString("expr");
        assertThat(expressions).hasSizeGreaterThan(10);
        assertThat(dashboard.findValues("datasource")).filteredOn(JsonNode::isObject)
                .allSatisfy(datasource -> assertThat(datasource.get("uid").asString()).isEqualTo("${datasource}"));
        Set<String> names = new TreeSet<>();
        expressions.forEach(expression -> names.addAll(metricNames(expression)));
        assertThat(names).contains("staffing_gaps_open", "staffing_seats", "staffing_ingest_events_total",
                "staffing_ingest_parked", "kafka_consumer_fetch_manager_records_lag_max",
                "staffing_decision_latency_seconds_bucket", "staffing_engine_decide_seconds_bucket",
                "staffing_health");

        await().atMost(PATIENCE).untilAsserted(() -> {
            String metrics = prometheus();
            assertThat(names).allSatisfy(name -> assertThat(lines(metrics, name)).as(name).isNotEmpty());
        });
    }

    /** The metric names a PromQL expression selects: identifiers that are not functions, keywords or labels. */
    static Set<String> metricNames(String expression) {
        String bare = QUOTED.matcher(expression).replaceAll("\"\"");
        bare = bare.replaceAll("\\{[^}]*}", " ").replaceAll("\\[[^]]*]", " ");
        bare = GROUPING.matcher(bare).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher identifiers = IDENTIFIER.matcher(bare);
        while (identifiers.find()) {
            String identifier = identifiers.group();
            int end = identifiers.end();
            boolean isCall = bare.substring(end).stripLeading().startsWith("(");
            if (!isCall && !PROMQL_WORDS.contains(identifier.toLowerCase())) {
                names.add(identifier);
            }
        }
        return names;
    }

    @Test
    void metricNamesAreTheSelectorsOfAnExpression() {
        assertThat(metricNames("histogram_quantile(0.99, sum by (le) (rate(a_bucket{instance=~\"$i\", x=\"y z\"}"
                + "[$__rate_interval]))) / on (job) group_left b_total > 0 and c"))
                .containsExactly("a_bucket", "b_total", "c");
    }

    private static Path dashboardFile() {
        Path directory = Path.of("").toAbsolutePath();
        while (directory != null && !Files.isDirectory(directory.resolve("grafana"))) {
            directory = directory.getParent();
        }
        assertThat(directory).as("a grafana folder above the working directory").isNotNull();
        return directory.resolve("grafana").resolve("staffing-assignment-dashboard.json");
    }

    private static String prometheus() {
        return fixture.service().http().get().uri("/actuator/prometheus").retrieve().body(String.class);
    }

    /** The sample lines of one metric name (not its HELP or TYPE lines). */
    private static List<String> lines(String metrics, String name) {
        List<String> lines = new ArrayList<>();
        for (String line : metrics.lines().toList()) {
            if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
                lines.add(line);
            }
        }
        return lines;
    }

    /** The value of the one sample of {@code name} that has every label given; empty when none has. */
    private static OptionalDouble value(String metrics, String name, String... labels) {
        List<Double> values = values(metrics, name, labels);
        assertThat(values).as(name + " samples with " + List.of(labels)).hasSizeLessThanOrEqualTo(1);
        return values.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(values.get(0));
    }

    private static double sum(String metrics, String name, String... labels) {
        return values(metrics, name, labels).stream().mapToDouble(Double::doubleValue).sum();
    }

    private static List<Double> values(String metrics, String name, String... labels) {
        List<Double> values = new ArrayList<>();
        for (String line : lines(metrics, name)) {
            if (List.of(labels).stream().allMatch(line::contains)) {
                values.add(Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)));
            }
        }
        return values;
    }
}
