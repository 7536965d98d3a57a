package dev.orden.rules;

import static dev.orden.shared.json.JsonReading.strings;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A flow rule as the tenant configured it (an item of the bundle's {@code rules}, validated by its schema): when
 * it runs (events, work-order types, order), how (mode, failure policy, limits) and what (source, test cases).
 */
public record RuleDefinition(String key, String name, Set<String> events, int order, Mode mode, Set<String> types,
                             OnError onError, Long statements, Duration timeout, String source, JsonArray tests,
                             String schedule, RuleSelect select) {

    /** The event of scheduled rules: they run at the times of their {@code schedule} (cron), not on a change. */
    public static final String SCHEDULE = "schedule";

    public enum Mode {
        /** Runs, and its effects are applied. */
        ACTIVE,
        /** Runs, and its effects are only traced as "would have done". */
        SHADOW,
        /** Does not run. */
        DISABLED
    }

    public enum OnError {
        /** A rule error is recorded and the change goes on without the rule. */
        SKIP,
        /** A rule error rejects the change. */
        REJECT
    }

    public RuleDefinition {
        events = Collections.unmodifiableSequencedSet(new LinkedHashSet<>(events));
        types = Set.copyOf(types);
    }

    /** The rules of a published bundle, in the order they run on an event: by {@code order}, then key. */
    public static List<RuleDefinition> of(JsonObject bundle) {
        var rules = new ArrayList<RuleDefinition>();
        if (bundle.get("rules") instanceof JsonArray array) {
            for (var value : array) {
                if (value instanceof JsonObject rule && rule.get("key") instanceof JsonString) rules.add(read(rule));
            }
        }
        rules.sort(java.util.Comparator.comparingInt(RuleDefinition::order).thenComparing(RuleDefinition::key));
        return List.copyOf(rules);
    }

    /**
     * One rule of a draft or a dry run, when it reads as one (a string key and source, a known mode and failure
     * policy); when it does not, its schema tells what is wrong.
     */
    public static Optional<RuleDefinition> draft(JsonObject rule) {
        if (!(rule.get("key") instanceof JsonString) || !(rule.get("source") instanceof JsonString)) {
            return Optional.empty();
        }
        try {
            return Optional.of(read(rule));
        } catch (IllegalArgumentException unknownModeOrPolicy) {
            return Optional.empty();
        }
    }

    private static RuleDefinition read(JsonObject rule) {
        var limits = rule.get("limits") instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
        return new RuleDefinition(rule.getString("key"), rule.getString("name", rule.getString("key")),
                strings(rule.get("events")), rule.getInt("order", 0),
                Mode.valueOf(rule.getString("mode", "active").toUpperCase(Locale.ROOT)), strings(rule.get("types")),
                OnError.valueOf(rule.getString("onError", "skip").toUpperCase(Locale.ROOT)),
                limits.get("statements") instanceof JsonNumber n ? n.longValue() : null,
                limits.get("timeoutMillis") instanceof JsonNumber n ? Duration.ofMillis(n.longValue()) : null,
                rule.getString("source", ""),
                rule.get("tests") instanceof JsonArray tests ? tests : JsonValue.EMPTY_JSON_ARRAY,
                rule.get("schedule") instanceof JsonString cron ? cron.getString() : null,
                rule.get("select") instanceof JsonObject select ? RuleSelect.of(select) : null);
    }

    /** Whether it runs on its schedule (event {@code schedule}, not disabled). */
    public boolean isScheduled() {
        return mode != Mode.DISABLED && events.contains(SCHEDULE) && schedule != null;
    }

    /** Whether it runs on {@code event} for an order of {@code type} (null: not about one order). */
    public boolean runsOn(String event, String type) {
        return mode != Mode.DISABLED && events.contains(event) && (types.isEmpty() || type == null
                || types.contains(type));
    }

    /** The event it runs on when nothing else is said (the first it lists); null when it lists none. */
    public String firstEvent() {
        return events.isEmpty() ? null : events.iterator().next();
    }

    /** Its own limits, within the server's maxima. */
    public Limits limits(Limits maxima) {
        var limits = maxima;
        if (statements != null) limits = limits.withStatements(statements);
        if (timeout != null) limits = limits.withTimeout(timeout);
        return limits.within(maxima);
    }
}
