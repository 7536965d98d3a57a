package dev.orden.rules.admin;

import dev.orden.config.ActiveConfiguration;
import dev.orden.rules.Limits;
import dev.orden.rules.RuleDefinition;
import dev.orden.rules.RuleSettings;
import dev.orden.shared.persistence.TenantEntityManager;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import dev.orden.shared.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per rule, what its live evaluations since a moment cost and how they ended — SQL aggregates over
 * {@code rule_trace}, under row-level security like every query — beside the limits the active configuration gives
 * it, so that a rule's budget shows before it runs out: the share of its time limit its p95 takes, and of its memory
 * limit its largest allocation.
 */
@ApplicationScoped
class RuleUsage {

    private static final String AGGREGATES = """
            SELECT rule_key,
                   (array_agg(rule_name ORDER BY occurred_at DESC))[1],
                   count(*),
                   count(*) FILTER (WHERE outcome = 'ERROR'),
                   count(*) FILTER (WHERE outcome = 'REJECTED'),
                   count(*) FILTER (WHERE error ->> 'kind' IN ('TIMEOUT', 'STATEMENT_LIMIT', 'MEMORY', 'OUTPUT_LIMIT')),
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY duration_micros),
                   percentile_cont(0.95) WITHIN GROUP (ORDER BY duration_micros),
                   max(duration_micros),
                   max(allocated_bytes),
                   max(occurred_at)
              FROM rule_trace
             WHERE occurred_at >= CAST(?1 AS timestamptz)
             GROUP BY rule_key""";

    @Inject
    TenantEntityManager tenantEm;

    @Inject
    ActiveConfiguration configuration;

    @Inject
    RuleSettings settings;

    /** Every rule of the active configuration, and every other that ran since {@code since}, by key. */
    @Transactional
    public JsonObject since(Instant since) {
        var active = new LinkedHashMap<String, RuleDefinition>();
        configuration.current().ifPresent(c -> RuleDefinition.of(c.bundle()).forEach(r -> active.put(r.key(), r)));
        var rows = aggregates(since);
        var keys = new TreeMap<String, Boolean>();
        active.keySet().forEach(key -> keys.put(key, true));
        rows.keySet().forEach(key -> keys.putIfAbsent(key, false));
        var rules = Json.createArrayBuilder();
        var maxima = settings.sandbox().maxima();
        keys.forEach((key, isActive) -> rules.add(rule(key, active.get(key), rows.get(key), maxima)));
        return Json.createObjectBuilder().add("since", since.toString()).add("rules", rules).build();
    }

    private Map<String, Object[]> aggregates(Instant since) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = tenantEm.em().createNativeQuery(AGGREGATES).setParameter(1, since.toString())
                .getResultList();
        var byKey = new LinkedHashMap<String, Object[]>();
        rows.forEach(row -> byKey.put((String) row[0], row));
        return byKey;
    }

    private static JsonObject rule(String key, RuleDefinition definition, Object[] row, Limits maxima) {
        var json = Json.createObjectBuilder().add("rule", key)
                .add("name", definition != null ? definition.name() : (String) row[1])
                .add("active", definition != null)
                .add("runs", row == null ? 0 : number(row[2]))
                .add("errors", row == null ? 0 : number(row[3]))
                .add("rejected", row == null ? 0 : number(row[4]))
                .add("limitHits", row == null ? 0 : number(row[5]));
        if (row != null) {
            json.add("p50Micros", Math.round(((Number) row[6]).doubleValue()))
                    .add("p95Micros", Math.round(((Number) row[7]).doubleValue()))
                    .add("maxMicros", number(row[8]));
            if (row[9] != null) json.add("maxAllocatedBytes", number(row[9]));
            json.add("lastRunAt", instant(row[10]).toString());
        }
        if (definition != null) limits(json, definition.limits(maxima), row);
        return json.build();
    }

    /** The rule's limits, and the share of them its p95 time and its largest allocation take. */
    private static void limits(JsonObjectBuilder json, Limits limits, Object[] row) {
        json.add("limits", Json.createObjectBuilder().add("timeoutMillis", limits.timeout().toMillis())
                .add("statements", limits.statements()).add("allocatedBytes", limits.allocatedBytes()));
        if (row == null) return;
        var budget = Json.createObjectBuilder()
                .add("p95ShareOfTimeout", share(((Number) row[7]).doubleValue(), limits.timeout().toNanos() / 1000.0));
        budget.add("maxShareOfMemory", row[9] == null ? JsonValue.NULL
                : Json.createValue(share(number(row[9]), limits.allocatedBytes())));
        json.add("budget", budget);
    }

    private static double share(double used, double limit) {
        return Math.round(used / limit * 1000) / 1000.0;
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case java.util.Date date -> date.toInstant();
            case OffsetDateTime time -> time.toInstant();
            case Instant time -> time;
            default -> throw new IllegalStateException("a time column read as " + value.getClass());
        };
    }
}
