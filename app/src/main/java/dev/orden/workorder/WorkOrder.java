package dev.orden.workorder;

import dev.orden.config.workflow.StateCategory;
import dev.orden.config.workflow.WorkflowState;
import dev.orden.shared.persistence.TenantOwned;
import dev.orden.shared.problem.Problem;
import dev.orden.shared.problem.ProblemException;
import dev.orden.shared.problem.ProblemType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import dev.orden.shared.persistence.JsonbTextConverter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The aggregate: a work order and the rules of its lifecycle. Every change returns the history entries that
 * describe it; the service stores them in the same transaction.
 */
@Entity
@Table(name = "work_order")
public class WorkOrder extends TenantOwned {

    /** The prefix of orders whose type names none. */
    public static final String DEFAULT_PREFIX = "WO";

    @Column(nullable = false, updatable = false)
    private long number;

    @Column(name = "number_prefix", nullable = false, updatable = false)
    private String numberPrefix = DEFAULT_PREFIX;

    @Column(nullable = false)
    private String title;

    private String description;

    @Column(nullable = false)
    private String type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Priority priority;

    @Column(nullable = false)
    private String status;

    @Convert(converter = StateCategoryConverter.class)
    @Column(name = "status_category", nullable = false)
    private StateCategory statusCategory;

    private String area;

    @Column(name = "requester_id", nullable = false, updatable = false)
    private String requesterId;

    @Column(name = "requester_name")
    private String requesterName;

    @Column(name = "assignee_id")
    private String assigneeId;

    @Column(name = "assignee_name")
    private String assigneeName;

    private String team;

    @Column(name = "due_at")
    private Instant dueAt;

    @Column(name = "scheduled_start")
    private Instant scheduledStart;

    @Column(name = "scheduled_end")
    private Instant scheduledEnd;

    @Convert(converter = JsonbTextConverter.class)
    @Column(name = "custom_fields", nullable = false)
    private String customFields;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "completed_by")
    private String completedBy;

    @Column(name = "completed_by_name")
    private String completedByName;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Column(name = "config_version", updatable = false)
    private Integer configVersion;

    @Version
    private int version;

    protected WorkOrder() {}

    /** A new order in its workflow's initial state, and its {@code CREATED} entry. */
    static Opened open(long number, WorkOrderDraft draft, WorkflowState initial, Actor requester, Actor creator) {
        var order = new WorkOrder();
        order.initialise(number, draft, requester, creator);
        order.status = initial.key();
        order.statusCategory = initial.category();
        var created = WorkOrderEvent.change(order.id(), creator, EventKind.CREATED, "status", null,
                initial.key(), null);
        return new Opened(order, created);
    }

    record Opened(WorkOrder order, WorkOrderEvent created) {}

    /** Records the configuration version the order is created under; set once, before the order is stored. */
    void createdUnder(Integer configVersion) {
        this.configVersion = configVersion;
    }

    /** Names the order with its type's prefix ({@code INC-12}); set once, before the order is stored. */
    void numberedAs(String prefix) {
        this.numberPrefix = prefix;
    }

    private void initialise(long number, WorkOrderDraft draft, Actor requester, Actor creator) {
        setId(UUID.randomUUID());
        this.number = number;
        this.title = draft.title();
        this.description = draft.description();
        this.type = draft.type();
        this.priority = draft.priority();
        this.area = draft.area();
        this.dueAt = draft.dueAt();
        this.customFields = draft.customFields();
        this.requesterId = requester.id();
        this.requesterName = requester.name();
        this.createdBy = creator.id();
        this.createdAt = MonotonicClock.now();
        this.updatedAt = createdAt;
    }

    /** Applies the fields present in {@code changes}; one {@code UPDATED} entry per field that really changed. */
    List<WorkOrderEvent> update(WorkOrderChanges changes, Actor actor) {
        var events = new ArrayList<WorkOrderEvent>();
        changes.title().ifPresent(v -> title = changed(events, actor, "title", title, v));
        changes.description().ifPresent(v -> description = changed(events, actor, "description", description, v.orElse(null)));
        changes.type().ifPresent(v -> type = changed(events, actor, "type", type, v));
        changes.priority().ifPresent(v -> priority = changed(events, actor, "priority", priority, v));
        changes.area().ifPresent(v -> area = changed(events, actor, "area", area, v.orElse(null)));
        changes.dueAt().ifPresent(v -> dueAt = changed(events, actor, "dueAt", dueAt, v.orElse(null)));
        changes.customFieldChanges().forEach(c ->
                events.add(WorkOrderEvent.change(id(), actor, EventKind.UPDATED, "customFields." + c.key(),
                        c.oldValue(), c.newValue(), null)));
        if (!changes.customFieldChanges().isEmpty()) changes.customFields().ifPresent(v -> customFields = v);
        changes.visit().ifPresent(v -> events.addAll(schedule(v.orElse(null), actor, null)));
        if (!events.isEmpty()) touch();
        return events;
    }

    /** Plans the visit (null: none); a {@code SCHEDULED} entry, from the old interval to the new, when it changed. */
    List<WorkOrderEvent> schedule(Visit visit, Actor actor, String reason) {
        var before = visit();
        if (Objects.equals(before, visit)) return List.of();
        scheduledStart = visit == null ? null : visit.start();
        scheduledEnd = visit == null ? null : visit.end();
        touch();
        return List.of(WorkOrderEvent.change(id(), actor, EventKind.SCHEDULED, "schedule", Visit.text(before),
                Visit.text(visit), reason));
    }

    private <T> T changed(List<WorkOrderEvent> events, Actor actor, String field, T oldValue, T newValue) {
        if (!Objects.equals(oldValue, newValue)) {
            events.add(WorkOrderEvent.change(id(), actor, EventKind.UPDATED, field, oldValue, newValue, null));
        }
        return newValue;
    }

    /**
     * Moves to {@code target}, a state of the order's workflow that the caller may reach (checked by
     * {@link WorkOrderLifecycle}). Entering a resolved state records who completed the order; going back to work
     * (reopening) clears that; closing keeps it.
     */
    List<WorkOrderEvent> moveTo(WorkflowState target, Actor actor, String comment) {
        var event = WorkOrderEvent.change(id(), actor, EventKind.STATUS_CHANGED, "status", status, target.key(),
                comment);
        if (target.category() == StateCategory.RESOLVED) {
            completedBy = actor.id();
            completedByName = actor.name();
            completedAt = event.occurredAt();
        } else if (target.category().isActive()) {
            completedBy = null;
            completedByName = null;
            completedAt = null;
        }
        status = target.key();
        statusCategory = target.category();
        touch();
        return List.of(event);
    }

    /** Takes the category {@code same} (this order's state under another type's workflow) gives the state. */
    void followWorkflowOf(WorkflowState same) {
        statusCategory = same.category();
    }

    /**
     * Gives the order to a person and/or a team, while it is still to be done. Whether that also moves it along
     * (a trigger of the workflow) is {@link WorkOrderLifecycle}'s call.
     */
    List<WorkOrderEvent> assign(Actor assignee, String newTeam, Actor actor, String reason) {
        if (!statusCategory.isActive()) {
            throw new ProblemException(Problem.of(ProblemType.ILLEGAL_TRANSITION,
                    displayNumber() + " is " + status + " and can no longer be assigned"));
        }
        var events = new ArrayList<WorkOrderEvent>();
        if (assignee != null && !assignee.id().equals(assigneeId)) {
            events.add(WorkOrderEvent.change(id(), actor, EventKind.ASSIGNED, "assignee",
                    assigneeName != null ? assigneeName : assigneeId, assignee.name(), reason));
            assigneeId = assignee.id();
            assigneeName = assignee.name();
        }
        if (newTeam != null && !newTeam.equals(team)) {
            events.add(WorkOrderEvent.change(id(), actor, EventKind.ASSIGNED, "team", team, newTeam, reason));
            team = newTeam;
        }
        if (!events.isEmpty()) touch();
        return events;
    }

    /**
     * Hands the order to another team and/or area, with the reason, as one step: one {@code TRANSFERRED} entry per
     * thing that changed (team, area, and the assignee unless {@code keepAssignee}), one after the other, with the
     * same actor and reason. Whether the assignee stays is {@link WorkOrderTransfer}'s call.
     */
    List<WorkOrderEvent> transfer(String newTeam, String newArea, boolean keepAssignee, Actor actor, String reason) {
        if (!statusCategory.isActive()) {
            throw new ProblemException(Problem.of(ProblemType.ILLEGAL_TRANSITION,
                    displayNumber() + " is " + status + " and can no longer be transferred"));
        }
        var events = new ArrayList<WorkOrderEvent>();
        if (newTeam != null && !newTeam.equals(team)) {
            events.add(WorkOrderEvent.transferred(id(), actor, "team", team, newTeam, reason));
            team = newTeam;
        }
        if (newArea != null && !newArea.equals(area)) {
            events.add(WorkOrderEvent.transferred(id(), actor, "area", area, newArea, reason));
            area = newArea;
        }
        if (!keepAssignee && assigneeId != null) {
            events.add(WorkOrderEvent.transferred(id(), actor, "assignee",
                    assigneeName != null ? assigneeName : assigneeId, null, reason));
            assigneeId = null;
            assigneeName = null;
        }
        if (!events.isEmpty()) touch();
        return events;
    }

    private void touch() {
        updatedAt = MonotonicClock.now();
    }

    public String displayNumber() {
        return numberPrefix + "-" + number;
    }

    public String numberPrefix() {
        return numberPrefix;
    }

    public long number() {
        return number;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public String type() {
        return type;
    }

    public Priority priority() {
        return priority;
    }

    /** The key of the order's state in its type's workflow. */
    public String status() {
        return status;
    }

    public StateCategory statusCategory() {
        return statusCategory;
    }

    public String area() {
        return area;
    }

    public String requesterId() {
        return requesterId;
    }

    public String requesterName() {
        return requesterName;
    }

    public String assigneeId() {
        return assigneeId;
    }

    public String assigneeName() {
        return assigneeName;
    }

    public String team() {
        return team;
    }

    public Instant dueAt() {
        return dueAt;
    }

    /** The planned visit, null without one. */
    public Visit visit() {
        return scheduledStart == null ? null : new Visit(scheduledStart, scheduledEnd);
    }

    public String customFields() {
        return customFields;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public String completedBy() {
        return completedBy;
    }

    public String completedByName() {
        return completedByName;
    }

    public Instant completedAt() {
        return completedAt;
    }

    /** The configuration version the order was created under; null for orders older than that record. */
    public Integer configVersion() {
        return configVersion;
    }

    public int version() {
        return version;
    }
}
