package dev.orden.rules;

import dev.orden.rules.sandbox.SandboxConfig;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonReaderFactory;
import java.io.StringReader;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyObject;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One routing rule (keywords, custom fields, a date helper; an order with 15 custom fields) in plain Java and in
 * GraalJS: in the sandbox with a pooled context, with a fresh context per call, and unsandboxed. Run by
 * app/src/bench/rules.sh (docs/performance.md, "Flow rules").
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 6, time = 4)
@Measurement(iterations = 4, time = 4)
@Fork(1)
@State(Scope.Benchmark)
public class RulesBenchmark {

    public static final String ORDER = """
            {"number":"WO-1042","title":"Fuga de agua bajo la pileta","description":"El caño gotea desde ayer",
             "priority":"HIGH","createdAt":"2026-11-27","area":"norte",
             "customFields":{"city":"Córdoba","model":"WX-100","floor":5,"warranty":true,"serial":"SN-99812",
              "purchase":"2025-03-14","brand":"Drean","color":"blanco","voltage":220,"installer":"propio",
              "access":"portero","pets":false,"contact":"+54 351 555 0101","zone":"centro","visits":2}}""";

    public static final String RULE = """
            function rule(input) {
              const f = input.customFields;
              const effects = [];
              if (keywords.any(input.title + ' ' + input.description, ['fuga', 'inundación', 'gotea'])) {
                effects.push({type: 'assign', team: 'plumbing'});
                if (f.floor > 3) effects.push({type: 'priority', value: 'URGENT'});
              } else if (f.city === 'Córdoba' && f.model.startsWith('WX')) {
                effects.push({type: 'assign', team: 'cordoba-field'});
              }
              if (f.warranty === true && input.priority !== 'LOW') {
                effects.push({type: 'due', at: dates.addDays(input.createdAt, 2)});
              }
              return effects;
            }""";

    /** The same helpers as the sandbox's prelude, unguarded and unfrozen, for the unsandboxed baseline. */
    static final String BASELINE_HELPERS = """
            const fold = (s) => String(s).normalize('NFD').replace(/\\p{M}+/gu, '').toLowerCase();
            const words = (s) => fold(s).split(/[^\\p{L}\\p{N}]+/u).filter((w) => w.length > 0);
            const keywords = {any(text, list) {
              const haystack = ' ' + words(text).join(' ') + ' ';
              return list.some((w) => { const n = words(w).join(' '); return n.length > 0 && haystack.includes(' ' + n + ' '); });
            }};
            const dates = {addDays(iso, n) { return new Date(Date.parse(iso + 'T00:00:00Z') + n * 86400000).toISOString().slice(0, 10); }};
            """;

    static final String EXPECTED = "[{\"type\":\"assign\",\"team\":\"plumbing\"},{\"type\":\"priority\","
            + "\"value\":\"URGENT\"},{\"type\":\"due\",\"at\":\"2026-11-29\"}]";

    private static final JsonReaderFactory JSON = Json.createReaderFactory(Map.of());
    /** A factory, not BUILD.createObjectBuilder(): that looks the JSON-P provider up on every call. */
    private static final JsonBuilderFactory BUILD = Json.createBuilderFactory(Map.of());
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final List<String> LEAK_WORDS = List.of("fuga", "inundación", "gotea");

    private final UUID tenant = UUID.randomUUID();
    private JsonObject order;
    private Map<String, Object> orderMap;
    private RuleEngine pooled;
    private RuleEngine fresh;
    private CompiledRule pooledRule;
    private CompiledRule freshRule;
    private Engine baselineEngine;
    private Context baseline;
    private Value baselineJson;
    private Value baselineProxy;

    @Setup(Level.Trial)
    public void setUp() {
        order = parse(ORDER);
        orderMap = toMap(order);
        pooled = RuleEngine.of(SandboxConfig.defaults());
        fresh = RuleEngine.of(SandboxConfig.defaults().withContextsPerTenant(0));
        pooledRule = ((Compilation.Compiled) pooled.compile("route", RULE)).rule();
        freshRule = ((Compilation.Compiled) fresh.compile("route", RULE)).rule();
        baselineEngine = Engine.newBuilder("js").option("engine.WarnInterpreterOnly", "false").build();
        System.err.println("Truffle runtime: " + baselineEngine.getImplementationName());
        baseline = Context.newBuilder("js").engine(baselineEngine).allowAllAccess(true).build();
        baseline.eval("js", BASELINE_HELPERS + RULE);
        baselineJson = baseline.eval("js", "(json) => JSON.stringify(rule(JSON.parse(json)))");
        baselineProxy = baseline.eval("js", "(order) => JSON.stringify(rule(order))");
        check("javaOnObject", javaOnObject().toString());
        check("javaFromJson", javaFromJson().toString());
        check("sandboxPooled", firstEffects(this::sandboxPooled));
        check("sandboxFreshContext", firstEffects(this::sandboxFreshContext));
        check("unsandboxedJson", unsandboxedJson());
        check("unsandboxedProxy", unsandboxedProxy());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        pooled.close();
        fresh.close();
        baseline.close();
        baselineEngine.close();
    }

    /** The limit: the rule written in Java over an already parsed order. */
    @Benchmark
    public JsonArray javaOnObject() {
        return javaRule(order);
    }

    /** The same work as the sandbox's: JSON text in, parsed, the rule, effects out. */
    @Benchmark
    public JsonArray javaFromJson() {
        return javaRule(parse(ORDER));
    }

    @Benchmark
    public Evaluation sandboxPooled() {
        return pooled.evaluate(tenant, pooledRule, ORDER);
    }

    @Benchmark
    public Evaluation sandboxFreshContext() {
        return fresh.evaluate(tenant, freshRule, ORDER);
    }

    /**
     * What GraalJS itself costs for a new context (initialised realm, no prelude, no freezing): the floor under
     * sandboxFreshContext. All access only because the baseline's engine has it (one host access per engine).
     */
    @Benchmark
    public Value bareContext() {
        try (var context = Context.newBuilder("js").engine(baselineEngine).allowAllAccess(true).build()) {
            return context.eval("js", "0");
        }
    }

    /** GraalJS with nothing of the sandbox: one context, all access, no limits, no watchdog, no freezing. */
    @Benchmark
    public String unsandboxedJson() {
        return baselineJson.execute(ORDER).asString();
    }

    /** The other way to pass the order: host maps behind ProxyObjects (which the sandbox does not allow). */
    @Benchmark
    public String unsandboxedProxy() {
        return baselineProxy.execute(proxy(orderMap)).asString();
    }

    static JsonArray javaRule(JsonObject input) {
        var f = input.getJsonObject("customFields");
        var effects = BUILD.createArrayBuilder();
        if (anyKeyword(input.getString("title") + " " + input.getString("description"), LEAK_WORDS)) {
            effects.add(BUILD.createObjectBuilder().add("type", "assign").add("team", "plumbing"));
            if (f.getJsonNumber("floor").doubleValue() > 3) {
                effects.add(BUILD.createObjectBuilder().add("type", "priority").add("value", "URGENT"));
            }
        } else if ("Córdoba".equals(f.getString("city", null)) && f.getString("model", "").startsWith("WX")) {
            effects.add(BUILD.createObjectBuilder().add("type", "assign").add("team", "cordoba-field"));
        }
        if (f.getBoolean("warranty", false) && !"LOW".equals(input.getString("priority", null))) {
            var due = LocalDate.parse(input.getString("createdAt")).plusDays(2).toString();
            effects.add(BUILD.createObjectBuilder().add("type", "due").add("at", due));
        }
        return effects.build();
    }

    static boolean anyKeyword(String text, List<String> list) {
        var haystack = " " + String.join(" ", words(text)) + " ";
        return list.stream().map(w -> String.join(" ", words(w)))
                .anyMatch(needle -> !needle.isEmpty() && haystack.contains(" " + needle + " "));
    }

    static List<String> words(String s) {
        var folded = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
        return Arrays.stream(NON_WORD.split(folded)).filter(w -> !w.isEmpty()).toList();
    }

    static JsonObject parse(String json) {
        try (var reader = JSON.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    static Map<String, Object> toMap(JsonObject object) {
        var map = new HashMap<String, Object>();
        object.forEach((key, value) -> map.put(key, switch (value.getValueType()) {
            case OBJECT -> toMap(value.asJsonObject());
            case STRING -> ((jakarta.json.JsonString) value).getString();
            case NUMBER -> ((jakarta.json.JsonNumber) value).doubleValue();
            case TRUE -> true;
            case FALSE -> false;
            default -> null;
        }));
        return map;
    }

    @SuppressWarnings("unchecked")
    static ProxyObject proxy(Map<String, Object> map) {
        var copy = new HashMap<String, Object>(map);
        copy.replaceAll((key, value) -> value instanceof Map<?, ?> nested ? proxy((Map<String, Object>) nested) : value);
        return ProxyObject.fromMap(copy);
    }

    /** A cold interpreter on busy cores can miss the 500 ms deadline on a rule's very first runs. */
    private static String firstEffects(java.util.function.Supplier<Evaluation> evaluation) {
        Evaluation last = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            last = evaluation.get();
            if (last instanceof Evaluation.Effects effects) return effects.effects().toString();
        }
        return String.valueOf(last);
    }

    private static void check(String benchmark, String effects) {
        if (!EXPECTED.equals(effects)) throw new IllegalStateException(benchmark + " returned " + effects);
    }
}
