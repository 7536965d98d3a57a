package dev.orden.rules;

import dev.orden.shared.persistence.JsonbTextConverter;
import dev.orden.shared.persistence.NullableUuidConverter;
import dev.orden.shared.persistence.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One evaluation of one rule, as recorded: see {@code V7__rule_traces.sql}. Never changed once written. */
@Entity
@Table(name = "rule_trace")
public class RuleTrace extends TenantOwned {

    public enum Outcome {
        /** Every effect was applied. */
        APPLIED,
        /** The rule returned no effects. */
        NO_EFFECTS,
        /** A shadow rule: its effects were only recorded. */
        SHADOW,
        /** Some effects were refused (invalid); the others were applied. */
        PARTLY_REFUSED,
        /** The rule rejected the change. */
        REJECTED,
        /** The rule failed (syntax, exception, limit, invalid result). */
        ERROR
    }

    /** Null for a change a rule rejected: its order was never stored. */
    @Convert(converter = NullableUuidConverter.class)
    @Column(name = "work_order_id", updatable = false)
    private UUID workOrderId;

    @Column(name = "rule_key", nullable = false, updatable = false)
    private String ruleKey;

    @Column(name = "rule_name", nullable = false, updatable = false)
    private String ruleName;

    @Column(name = "config_version", nullable = false, updatable = false)
    private int configVersion;

    @Column(nullable = false, updatable = false)
    private String event;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private RuleDefinition.Mode mode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Outcome outcome;

    @Column(name = "duration_micros", nullable = false, updatable = false)
    private long durationMicros;

    @Column(name = "allocated_bytes", updatable = false)
    private Long allocatedBytes;

    @Convert(converter = JsonbTextConverter.class)
    @Column(nullable = false, updatable = false)
    private String effects;

    @Convert(converter = JsonbTextConverter.class)
    @Column(updatable = false)
    private String error;

    @Convert(converter = JsonbTextConverter.class)
    @Column(nullable = false, updatable = false)
    private String log;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    protected RuleTrace() {}

    RuleTrace(RuleRun run, UUID workOrderId, Outcome outcome, String effects) {
        super(UUID.randomUUID());
        this.workOrderId = workOrderId;
        this.ruleKey = run.definition().key();
        this.ruleName = run.definition().name();
        this.configVersion = run.configVersion();
        this.event = run.event();
        this.mode = run.definition().mode();
        this.outcome = outcome;
        this.durationMicros = run.evaluation().usage().durationMicros();
        long allocated = run.evaluation().usage().allocatedBytes();
        this.allocatedBytes = allocated < 0 ? null : allocated;
        this.effects = effects;
        this.error = run.error().map(RuleRun::errorJson).orElse(null);
        this.log = RuleRun.logJson(run.evaluation());
        this.occurredAt = Instant.now();
    }

    public UUID workOrderId() { return workOrderId; }
    public String ruleKey() { return ruleKey; }
    public String ruleName() { return ruleName; }
    public int configVersion() { return configVersion; }
    public String event() { return event; }
    public RuleDefinition.Mode mode() { return mode; }
    public Outcome outcome() { return outcome; }
    public long durationMicros() { return durationMicros; }
    public Long allocatedBytes() { return allocatedBytes; }
    public String effects() { return effects; }
    public String error() { return error; }
    public String log() { return log; }
    public Instant occurredAt() { return occurredAt; }
}
