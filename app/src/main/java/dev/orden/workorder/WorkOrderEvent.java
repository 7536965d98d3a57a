package dev.orden.workorder;

import dev.orden.shared.persistence.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One append-only history entry: who, when, what kind, which field from what to what, the comment if any, and the
 * configuration version in force (for a status change, the version whose workflow allowed the transition).
 * The database role may insert and read these rows but never update or delete them.
 */
@Entity
@Table(name = "work_order_event")
public class WorkOrderEvent extends TenantOwned {

    @Column(name = "work_order_id", nullable = false, updatable = false)
    private UUID workOrderId;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(name = "actor_id", updatable = false)
    private String actorId;

    @Column(name = "actor_name", updatable = false)
    private String actorName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private EventKind kind;

    @Column(updatable = false)
    private String field;

    @Column(name = "old_value", updatable = false)
    private String oldValue;

    @Column(name = "new_value", updatable = false)
    private String newValue;

    @Column(updatable = false)
    private String comment;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Visibility visibility;

    @Column(name = "config_version", updatable = false)
    private Integer configVersion;

    protected WorkOrderEvent() {}

    WorkOrderEvent(UUID workOrderId, Actor actor, EventKind kind, String field, String oldValue, String newValue,
                   String comment, Visibility visibility) {
        super(UUID.randomUUID());
        this.workOrderId = workOrderId;
        this.occurredAt = MonotonicClock.now();
        this.actorId = actor.id();
        this.actorName = actor.name();
        this.kind = kind;
        this.field = field;
        this.oldValue = oldValue;
        this.newValue = newValue;
        this.comment = comment;
        this.visibility = visibility;
    }

    static WorkOrderEvent change(UUID workOrderId, Actor actor, EventKind kind, String field, Object oldValue,
                                 Object newValue, String comment) {
        return new WorkOrderEvent(workOrderId, actor, kind, field, text(oldValue), text(newValue), comment,
                Visibility.PUBLIC);
    }

    /** One part of a transfer: the parts of one transfer follow each other with the same actor and reason. */
    static WorkOrderEvent transferred(UUID workOrderId, Actor actor, String field, String oldValue, String newValue,
                                      String reason) {
        return new WorkOrderEvent(workOrderId, actor, EventKind.TRANSFERRED, field, oldValue, newValue, reason,
                Visibility.PUBLIC);
    }

    /** An internal note that a flow rule failed or that one of its effects was refused. */
    static WorkOrderEvent ruleFailure(UUID workOrderId, Actor rule, String what) {
        return new WorkOrderEvent(workOrderId, rule, EventKind.RULE_FAILED, null, null, null, what, Visibility.INTERNAL);
    }

    /** An internal note that an automatic assignment looked for an agent and found none, and why. */
    static WorkOrderEvent notAssigned(UUID workOrderId, Actor by, String why) {
        return new WorkOrderEvent(workOrderId, by, EventKind.NOT_ASSIGNED, "assignee", null, null, why,
                Visibility.INTERNAL);
    }

    /** An internal note that a flow rule set a reminder: when ({@code newValue}) and to whom ({@code comment}). */
    static WorkOrderEvent reminderScheduled(UUID workOrderId, Actor rule, String at, String to) {
        return new WorkOrderEvent(workOrderId, rule, EventKind.REMINDER_SCHEDULED, "reminder", null, at, "to " + to,
                Visibility.INTERNAL);
    }

    /** Records the configuration version the change was made under; set once, before the entry is stored. */
    void recordedUnder(Integer version) {
        this.configVersion = version;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    public UUID workOrderId() {
        return workOrderId;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String actorId() {
        return actorId;
    }

    public String actorName() {
        return actorName;
    }

    public EventKind kind() {
        return kind;
    }

    public String field() {
        return field;
    }

    public String oldValue() {
        return oldValue;
    }

    public String newValue() {
        return newValue;
    }

    public String comment() {
        return comment;
    }

    /** Shown to staff only: the change of an internal field, which requesters do not see. */
    void keepInternal() {
        visibility = Visibility.INTERNAL;
    }

    public Visibility visibility() {
        return visibility;
    }

    /** The tenant's active configuration version when the change was made; null for older entries. */
    public Integer configVersion() {
        return configVersion;
    }
}
