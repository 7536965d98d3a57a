package dev.orden.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.orden.ratelimit.RateLimit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The Helm chart's values (helm/orden) without Helm, which this build does not have: values.yaml and the CI values
 * satisfy values.schema.json, the schema refuses what the server would refuse or misread, the chart's defaults are
 * the server's own (RateLimit, server.xml), and every setting reaches the ConfigMap under the name the server reads.
 */
class ChartValuesTest {

    static final Path CHART = Path.of("..", "helm", "orden");
    static final YAMLMapper YAML = new YAMLMapper();
    static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
            .getSchema(read(CHART.resolve("values.schema.json")));

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static ObjectNode values() {
        return (ObjectNode) YAML.readTree(read(CHART.resolve("values.yaml")));
    }

    static Set<String> errors(JsonNode values) {
        return SCHEMA.validate(values).stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** {@code values} with the member at the dotted {@code path} set to {@code yaml} (parsed, so 5 is a number). */
    static ObjectNode with(ObjectNode values, String path, String yaml) {
        var names = path.split("\\.");
        var node = values;
        for (int i = 0; i < names.length - 1; i++) {
            node = node.has(names[i]) ? (ObjectNode) node.get(names[i]) : node.putObject(names[i]);
        }
        node.set(names[names.length - 1], YAML.readTree(yaml));
        return values;
    }

    @Test
    void theDefaultsAndTheCiValuesSatisfyTheSchema() {
        assertEquals(Set.of(), errors(values()));
        var ci = (ObjectNode) YAML.readTree(read(CHART.resolve("ci").resolve("dev-values.yaml")));
        assertEquals(Set.of(), errors(YAML.readerForUpdating(values()).readValue(ci.toString())));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "config.db.connectTimeout | 10s", "config.db.poolWait | 500ms", "config.db.socketTimeout | 5m",
            "config.trustedProxies | none", "config.trustedProxies | '10\\.42\\.\\d+\\.\\d+'",
            "rateLimits.budget | cluster", "rateLimits.limits.signup.period | P1D",
            "rateLimits.limits.public.period | PT0.5S", "rateLimits.limits.tenant-api.concurrent | 0",
            "rateLimits.limits.signup.enabled | false",
            "rateLimits.tenants.acme | {tenant-api: {capacity: 400, refill: 200, concurrent: 20}}",
            "rateLimits.tenants.quota-9740 | {rule-runs: {enabled: false}}",
            "ingress.clientLimits | {enabled: false}", "ingress.clientLimits.requestsPerSecond | 5"})
    void settingsTheServerTakesAreAccepted(String path, String yaml) {
        assertEquals(Set.of(), errors(with(values(), path, yaml)), path + " = " + yaml);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "config.db.connectTimeout | 0s", "config.db.connectTimeout | 5", "config.db.poolWait | -1s",
            "config.db.poolWait | 5 s", "config.db.socketTimeout | ''", "config.db.socketTimeout | PT60S",
            "config.trustedProxies | ''", "config.trustedProxies | 1",
            "rateLimits.budget | global", "rateLimits.limits.signup.capacity | 0", "rateLimits.limits.signup.refill | 0",
            "rateLimits.limits.signup.capacity | 2.5", "rateLimits.limits.csat-link.period | 1h",
            "rateLimits.limits.csat-link.period | PT", "rateLimits.limits.public.period | P",
            "rateLimits.limits.tenant-api.concurrent | -1", "rateLimits.limits.rule-runs.enabled | yes-please",
            "rateLimits.limits.login | {enabled: true, capacity: 1, refill: 1, period: PT1S}",
            "rateLimits.limits.public | {capacity: 5}", "rateLimits.limits.signup.burst | 5",
            "rateLimits.tenants.Acme | {tenant-api: {capacity: 1}}",
            "rateLimits.tenants.acme | {signup: {capacity: 1}}",
            "rateLimits.tenants.acme | {tenant-api: {capacity: 0}}",
            "ingress.clientLimits.requestsPerSecond | 0", "ingress.clientLimits.connections | 2.5",
            "ingress.clientLimits | {enabled: true, rps: 5}"})
    void settingsTheServerWouldRefuseOrMisreadAreRefused(String path, String yaml) {
        assertFalse(errors(with(values(), path, yaml)).isEmpty(), path + " = " + yaml + " was accepted");
    }

    /** Each per-address limit at the ingress reaches its ingress-nginx annotation. */
    @Test
    void clientLimitsReachTheIngressAnnotations() {
        var ingress = read(CHART.resolve("templates").resolve("ingress.yaml"));
        for (var limit : List.of("limit-rps: {{ $limits.requestsPerSecond",
                "limit-burst-multiplier: {{ $limits.burstMultiplier", "limit-connections: {{ $limits.connections")) {
            assertTrue(ingress.contains("nginx.ingress.kubernetes.io/" + limit), limit);
        }
        assertTrue(values().at("/ingress/clientLimits/enabled").asBoolean(), "on by default");
    }

    /** The chart states the server's defaults, so that a cluster-wide budget divides the right numbers. */
    @Test
    void theChartsRateLimitsAreTheServersDefaults() {
        var limits = values().get("rateLimits").get("limits");
        var names = new TreeSet<String>();
        limits.propertyNames().forEach(names::add);
        assertEquals(Arrays.stream(RateLimit.values()).map(RateLimit::key).collect(Collectors.toCollection(TreeSet::new)),
                names);
        for (var limit : RateLimit.values()) {
            var chart = limits.get(limit.key());
            var server = limit.defaults();
            assertEquals(server.enabled(), chart.get("enabled").asBoolean(), limit.key());
            assertEquals(server.capacity(), chart.get("capacity").asLong(), limit.key());
            assertEquals(server.refill(), chart.get("refill").asLong(), limit.key());
            assertEquals(server.period(), Duration.parse(chart.get("period").asString()), limit.key());
            assertEquals(server.concurrent(), chart.path("concurrent").asInt(0), limit.key());
        }
        var perTenant = new TreeSet<String>();
        YAML.readTree(read(CHART.resolve("values.schema.json"))).get("definitions").get("tenantRateLimits")
                .get("properties").propertyNames().forEach(perTenant::add);
        assertEquals(Arrays.stream(RateLimit.values()).filter(l -> l.per() == RateLimit.Per.TENANT)
                .map(RateLimit::key).collect(Collectors.toCollection(TreeSet::new)), perTenant);
    }

    @Test
    void theDatabaseTimeoutsAreServerXmlsDefaultsAndReachItsVariables() {
        var serverXml = read(Path.of("..", "server.xml"));
        var configMap = read(CHART.resolve("templates").resolve("configmap.yaml"));
        var db = values().get("config").get("db");
        for (var setting : new String[][] {{"connectTimeout", "ORDEN_DB_CONNECT_TIMEOUT"},
                {"poolWait", "ORDEN_DB_POOL_WAIT"}, {"socketTimeout", "ORDEN_DB_SOCKET_TIMEOUT"}}) {
            var variable = Pattern.compile("<variable name=\"" + setting[1] + "\" defaultValue=\"([^\"]+)\"/>")
                    .matcher(serverXml);
            assertTrue(variable.find(), setting[1] + " is not a server.xml variable");
            assertEquals(variable.group(1), db.get(setting[0]).asString(), setting[0]);
            assertTrue(serverXml.contains("${" + setting[1] + "}"), setting[1] + " is not used in server.xml");
            assertTrue(configMap.contains(setting[1] + ": {{ .Values.config.db." + setting[0] + " | quote }}"),
                    setting[1] + " is not in the ConfigMap");
        }
    }

    @Test
    void trustedProxiesReachLibertysRemoteIpAndAreOffByDefault() {
        var serverXml = read(Path.of("..", "server.xml"));
        assertTrue(serverXml.contains("<variable name=\"ORDEN_TRUSTED_PROXIES\" defaultValue=\"none\"/>"));
        assertTrue(serverXml.contains("<remoteIp proxies=\"${ORDEN_TRUSTED_PROXIES}\"/>"));
        assertEquals("auto", values().get("config").get("trustedProxies").asString());
        assertTrue(read(CHART.resolve("templates").resolve("configmap.yaml"))
                .contains("ORDEN_TRUSTED_PROXIES: {{ include \"orden.trustedProxies\" . | quote }}"));
        var helpers = read(CHART.resolve("templates").resolve("_helpers.tpl"));
        assertTrue(helpers.contains(".Values.config.trustedProxies"));
        assertTrue(helpers.contains("and .Values.ingress.enabled (eq .Values.service.type \"ClusterIP\")"),
                "auto trusts forwarded addresses only behind the Ingress");
    }

    /**
     * The ConfigMap names each limit's settings as MicroProfile Config finds {@code orden.rate-limit.<name>.<field>}
     * (and {@code .tenant.<slug>.}) in the environment: non-alphanumerics as "_", upper case.
     */
    @Test
    void rateLimitsReachTheConfigMapUnderTheNamesTheServerReads() {
        var helpers = read(CHART.resolve("templates").resolve("_helpers.tpl"));
        for (var expected : new String[] {".Values.rateLimits.limits", ".Values.rateLimits.tenants",
                ".Values.rateLimits.budget", ".Values.autoscaling.maxReplicas", "ORDEN_RATE_LIMIT_%s_TENANT_%s",
                "list \"capacity\" \"refill\" \"concurrent\"", "_ENABLED:", "_PERIOD:",
                "regexReplaceAll \"[^A-Za-z0-9]\" . \"_\" | upper"}) {
            assertTrue(helpers.contains(expected), "_helpers.tpl lacks " + expected);
        }
        assertTrue(read(CHART.resolve("templates").resolve("configmap.yaml"))
                .contains("{{- include \"orden.rateLimitEnv\" . | trim | nindent 2 }}"));
    }
}
