package dev.orden.workorder;

import dev.orden.config.ActiveConfiguration;
import dev.orden.config.workflow.Trigger;
import dev.orden.config.workflow.Workflow;
import dev.orden.identity.CurrentUser;
import dev.orden.rules.RuleTrace;
import dev.orden.rules.RuleTraces;
import dev.orden.identity.Member;
import dev.orden.identity.MemberDirectory;
import dev.orden.shared.problem.Problem;
import dev.orden.shared.problem.ProblemException;
import dev.orden.shared.problem.ProblemType;
import dev.orden.tenant.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import dev.orden.shared.json.Json;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** The use cases on work orders, for the caller's tenant and within what {@link WorkOrderPolicy} allows. */
@ApplicationScoped
@Transactional
public class WorkOrderService {

    @Inject
    OrderClocks clocks;

    @Inject
    dev.orden.recurring.SeriesLinks seriesLinks;

    @Inject
    WorkOrderRepository repository;

    @Inject
    TenantContext context;

    @Inject
    MemberDirectory members;

    @Inject
    WorkOrderConfiguration configuration;

    @Inject
    WorkOrderLifecycle lifecycle;

    @Inject
    ActiveConfiguration activeConfiguration;

    @Inject
    WorkOrderEditing editing;

    @Inject
    WorkOrderRules rules;

    @Inject
    RuleTraces ruleTraces;

    @Inject
    WorkOrderDispatch dispatch;

    @Inject
    WorkOrderTransfer transfers;

    @Inject
    dev.orden.attachment.AttachmentService attachments;

    @Inject
    dev.orden.attachment.StagedUploads uploads;

    public record Page(List<WorkOrder> items, String nextCursor) {}

    public record Assignment(String assigneeId, String team, String reason) {}

    WorkOrder create(WorkOrderDraft draft, String requesterId, Assignment assignment) {
        var user = context.user();
        WorkOrderPolicy.requireCanCreateFor(user, requesterId);
        var requester = requesterId == null || requesterId.equals(user.id())
                ? Actor.of(user)
                : actorOf(member(requesterId, "requesterId"));
        if (assignment != null) WorkOrderPolicy.requireCanAssign(user);
        var values = Json.createReader(new java.io.StringReader(draft.customFields())).readObject();
        if (!WorkOrderPolicy.seesInternal(user)) configuration.requireNoInternal(values);
        // Files staged for the attachment fields: checked as the caller's, and named as the attachments they become.
        var claims = uploads.claim(values, configuration.attachmentKeys(draft.type()));
        var checked = configuration.create(new WorkOrderDraft(draft.title(), draft.description(), draft.type(),
                draft.priority(), draft.area(), draft.dueAt(), claims.customFields().toString()));
        var workflow = lifecycle.workflowFor(checked.draft().type());
        var fired = rules.prepare();
        var opened = WorkOrder.open(repository.nextNumber(), checked.draft(), workflow.initialState(), requester,
                Actor.of(user));
        var order = opened.order();
        order.createdUnder(checked.configVersion());
        order.numberedAs(checked.numberPrefix());
        var events = new ArrayList<WorkOrderEvent>(List.of(opened.created()));
        if (assignment != null) events.addAll(assign(order, workflow, assignment, user));
        events.addAll(dispatch.onCreating(order, workflow));
        // Rules before the order is stored: whatever they change goes into its first version.
        events.addAll(rules.fire(fired, "workorder.creating", order, null, user));
        repository.add(order);
        events.addAll(rules.fire(fired, "workorder.created", order, null, user));
        repository.append(recorded(events, checked.configVersion()));
        repository.flush();
        uploads.link(new OrderAttachments.OrderRef(order.id(), order.displayNumber(), order.requesterId()), claims);
        return order;
    }

    /**
     * An order a recurring series makes ({@code dev.orden.recurring}): its template read and checked as a create
     * request's body, through the same path, by the current user (the series, as rules are actors).
     */
    public WorkOrder createFromTemplate(JsonObject template) {
        return create(WorkOrderInput.draft(template), null, templateAssignment(template));
    }

    /** Checks a series' template as a create request would be checked, creating nothing: 422 with every error. */
    public void checkTemplate(JsonObject template) {
        var draft = WorkOrderInput.draft(template);
        configuration.create(draft);
        var assignment = templateAssignment(template);
        if (assignment != null && assignment.assigneeId() != null) {
            if (!member(assignment.assigneeId(), "assignee").canBeAssigned()) {
                throw ProblemException.invalid("assignee", "is not an agent, dispatcher or admin of this tenant");
            }
        }
    }

    private static Assignment templateAssignment(JsonObject template) {
        return template.containsKey("assignee") || template.containsKey("team")
                ? new Assignment(template.getString("assignee", null), template.getString("team", null), null)
                : null;
    }

    WorkOrder get(String reference) {
        return visible(reference, context.user());
    }

    Page list(WorkOrderQuery query) {
        var user = context.user();
        var scoped = user.isStaff() ? query : query.withRequester(user.id());
        var rows = repository.search(scoped);
        if (rows.size() <= query.limit()) return new Page(rows, null);
        var page = rows.subList(0, query.limit());
        return new Page(List.copyOf(page), Cursor.after(page.getLast(), query.sort()).encode());
    }

    /** A page of the list as the caller sees it, its rows and what their views add read in one transaction. */
    WorkOrderViews.PageView page(WorkOrderQuery query) {
        var page = list(query);
        return new WorkOrderViews.PageView(views(page.items()), page.nextCursor());
    }

    WorkOrderRepository.Counts count(WorkOrderQuery query) {
        var user = context.user();
        return repository.count(user.isStaff() ? query : query.withRequester(user.id()));
    }

    WorkOrder update(String reference, Integer expectedVersion, JsonObject patch) {
        var user = context.user();
        var order = visible(reference, user);
        WorkOrderPolicy.requireCanUpdate(user);
        requireVersion(order, expectedVersion, true);
        var fired = rules.prepare();
        var events = new ArrayList<>(applyPatch(order, patch, user));
        events.addAll(rules.fire(fired, "workorder.updating", order, patch, user));
        events.addAll(rules.fire(fired, "workorder.updated", order, patch, user));
        repository.append(recorded(events));
        repository.flush();
        return order;
    }

    /**
     * Moves the order along its workflow. {@code customFields}, when given, are set first (as a PATCH would, by
     * staff only) in the same change, so that a transition needing fields can be taken in one step.
     */
    WorkOrder transition(String reference, Integer expectedVersion, String target, String comment,
                         JsonObject customFields) {
        var user = context.user();
        var order = visible(reference, user);
        requireVersion(order, expectedVersion, false);
        var move = lifecycle.move(order, target, user);
        var fired = rules.prepare();
        var events = new ArrayList<WorkOrderEvent>();
        if (customFields != null) {
            WorkOrderPolicy.requireCanUpdate(user);
            events.addAll(applyPatch(order, Json.createObjectBuilder().add("customFields", customFields).build(), user));
        }
        WorkOrderLifecycle.requireMet(order, move, comment);
        var change = transitionChange(order.status(), target, comment);
        events.addAll(rules.fire(fired, "workorder.transitioning", order, change, user));
        events.addAll(order.moveTo(move.target(), Actor.of(user), comment));
        events.addAll(rules.fire(fired, "workorder.transitioned", order, change, user));
        repository.append(recorded(events));
        repository.flush();
        return order;
    }

    /** What {@code user} may move the order to from where it is. */
    List<WorkOrderLifecycle.Move> transitions(WorkOrder order) {
        return lifecycle.available(order, context.user());
    }

    /** The order as the caller sees it: its moves, retired fields and SLA clocks. */
    WorkOrderViews.WorkOrderView view(WorkOrder order) {
        return view(order, clocks.of(order.id()).orElse(null),
                attachments.counts(List.of(order.id())).getOrDefault(order.id(), 0L),
                seriesLinks.of(order.id()).orElse(null), bundle(), configuration.hiddenFrom(context.user()));
    }

    /** A page of orders as the caller sees them, their SLA clocks, attachment counts and series read at once. */
    List<WorkOrderViews.WorkOrderView> views(List<WorkOrder> orders) {
        var ids = orders.stream().map(WorkOrder::id).toList();
        var slas = clocks.of(ids);
        var files = attachments.counts(ids);
        var series = seriesLinks.of(ids);
        var bundle = bundle();
        var hidden = configuration.hiddenFrom(context.user());
        return orders.stream().map(order -> view(order, slas.get(order.id()), files.getOrDefault(order.id(), 0L),
                series.get(order.id()), bundle, hidden)).toList();
    }

    /** The active configuration, for the names of areas and teams; none for a tenant never given one. */
    private JsonObject bundle() {
        return activeConfiguration.current().map(active -> active.bundle()).orElse(null);
    }

    private WorkOrderViews.WorkOrderView view(WorkOrder order, JsonObject sla, long files, JsonObject series,
                                              JsonObject bundle, Set<String> hidden) {
        var statusName = lifecycle.workflowOf(order).state(order.status()).map(state -> state.name().byLanguage())
                .orElse(null);
        return WorkOrderViews.WorkOrderView.of(order, statusName, transitions(order), retiredFields(order), sla,
                series, files, bundle, hidden);
    }

    /** The keys of the order's custom values that its type no longer offers. */
    List<String> retiredFields(WorkOrder order) {
        return configuration.retiredKeys(order);
    }

    /** The caller's transitions for an order they see, by reference. */
    List<WorkOrderLifecycle.Move> transitions(String reference) {
        return transitions(get(reference));
    }

    private static JsonObject assignmentChange(Assignment assignment) {
        var change = Json.createObjectBuilder();
        if (assignment.assigneeId() != null) change.add("assignee", assignment.assigneeId());
        if (assignment.team() != null) change.add("team", assignment.team());
        if (assignment.reason() != null) change.add("reason", assignment.reason());
        return change.build();
    }

    private static JsonObject transitionChange(String from, String to, String comment) {
        var change = Json.createObjectBuilder().add("from", from).add("to", to);
        if (comment != null) change.add("comment", comment);
        return change.build();
    }

    /**
     * The attachment fields a patch sets may name only the order's own files or the caller's staged uploads, which
     * become its files in this change (docs/attachments.md).
     */
    private List<WorkOrderEvent> applyPatch(WorkOrder order, JsonObject patch, CurrentUser user) {
        if (!(patch.get("customFields") instanceof JsonObject values)) return editing.patch(order, patch, Actor.of(user));
        var type = patch.get("type") instanceof jakarta.json.JsonString newType ? newType.getString() : order.type();
        var ref = new OrderAttachments.OrderRef(order.id(), order.displayNumber(), order.requesterId());
        var claims = uploads.claim(ref, values, configuration.attachmentKeys(type));
        var events = editing.patch(order, Json.createObjectBuilder(patch).add("customFields", claims.customFields())
                .build(), Actor.of(user));
        uploads.link(ref, claims);
        return events;
    }

    WorkOrder assign(String reference, Integer expectedVersion, Assignment assignment) {
        var user = context.user();
        var order = visible(reference, user);
        WorkOrderPolicy.requireCanAssign(user);
        requireVersion(order, expectedVersion, false);
        var workflow = lifecycle.workflowOf(order);
        var fired = rules.prepare();
        var events = new ArrayList<>(assign(order, workflow, assignment, user));
        events.addAll(rules.fire(fired, "workorder.assigned", order, assignmentChange(assignment), user));
        repository.append(recorded(events));
        repository.flush();
        return order;
    }

    /** Plans the order's visit (null: none) within another change of the caller's, the dispatch endpoint's. */
    WorkOrder schedule(WorkOrder order, Visit visit, String reason) {
        var user = context.user();
        WorkOrderPolicy.requireCanUpdate(user);
        repository.append(recorded(order.schedule(visit, Actor.of(user), reason)));
        repository.flush();
        return order;
    }

    /** To another team and/or area with a reason; staff only ({@link WorkOrderTransfer} says what else happens). */
    WorkOrder transfer(String reference, Integer expectedVersion, WorkOrderTransfer.Request request) {
        var user = context.user();
        var order = visible(reference, user);
        WorkOrderPolicy.requireCanTransfer(user);
        requireVersion(order, expectedVersion, false);
        var events = transfers.apply(order, lifecycle.workflowOf(order), request, Actor.of(user));
        repository.append(recorded(events));
        repository.flush();
        return order;
    }

    /**
     * The history as the API shows it: states named as the order's workflow names them. A requester does not see
     * the changes of internal fields, also those recorded before the field became internal.
     */
    List<WorkOrderViews.EventView> historyViews(String reference) {
        var user = context.user();
        var order = visible(reference, user);
        var workflow = lifecycle.workflowOf(order);
        var hidden = configuration.hiddenFrom(user).stream().map(key -> "customFields." + key)
                .collect(Collectors.toSet());
        return repository.history(order.id(), WorkOrderPolicy.seesInternal(user)).stream()
                .filter(e -> !hidden.contains(e.field()))
                .map(e -> WorkOrderViews.EventView.of(e,
                        key -> workflow.state(key).map(state -> state.name().byLanguage()).orElse(null)))
                .toList();
    }

    /** What the tenant's flow rules did to the order, every evaluation; staff only (rules are internal). */
    List<RuleTrace> ruleTraces(String reference) {
        var user = context.user();
        var order = visible(reference, user);
        if (!WorkOrderPolicy.seesInternal(user)) throw ProblemException.forbidden("Rule traces are for staff");
        return ruleTraces.forOrder(order.id());
    }

    List<Comment> comments(String reference) {
        var user = context.user();
        var order = visible(reference, user);
        return repository.comments(order.id(), WorkOrderPolicy.seesInternal(user));
    }

    Comment comment(String reference, String body, Visibility visibility) {
        var user = context.user();
        var order = visible(reference, user);
        WorkOrderPolicy.requireCanComment(user, visibility);
        var fired = rules.prepare();
        var comment = new Comment(order.id(), Actor.of(user), body, visibility);
        repository.add(comment);
        var events = new ArrayList<>(List.of(comment.asEvent()));
        var change = Json.createObjectBuilder().add("comment", Json.createObjectBuilder().add("body", body)
                .add("visibility", visibility.name().toLowerCase(java.util.Locale.ROOT))).build();
        events.addAll(rules.fire(fired, "comment.added", order, change, user));
        repository.append(recorded(events));
        repository.flush();
        return comment;
    }

    /** {@code workflow} is the order's, read before it changes: a query in between would flush it twice. */
    private List<WorkOrderEvent> assign(WorkOrder order, Workflow workflow, Assignment assignment, CurrentUser user) {
        Actor assignee = null;
        if (assignment.assigneeId() != null) {
            var member = member(assignment.assigneeId(), "assignee");
            if (!member.canBeAssigned()) {
                throw ProblemException.invalid("assignee", "is not an agent, dispatcher or admin of this tenant");
            }
            assignee = actorOf(member);
        }
        var actor = Actor.of(user);
        var events = new ArrayList<>(order.assign(assignee, assignment.team(), actor, assignment.reason()));
        if (order.assigneeId() != null) {
            WorkOrderLifecycle.triggered(workflow, order, Trigger.ASSIGNED)
                    .ifPresent(state -> events.addAll(order.moveTo(state, actor, assignment.reason())));
        }
        return events;
    }

    private List<WorkOrderEvent> recorded(List<WorkOrderEvent> events) {
        return events.isEmpty() ? events : recorded(events, lifecycle.activeVersion());
    }

    private static List<WorkOrderEvent> recorded(List<WorkOrderEvent> events, Integer configVersion) {
        events.forEach(event -> event.recordedUnder(configVersion));
        return events;
    }

    private Member member(String userId, String field) {
        UUID id;
        try {
            id = UUID.fromString(userId);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, "is not a user id");
        }
        return members.find(id).orElseThrow(() -> ProblemException.invalid(field, "is not a member of this tenant"));
    }

    private static Actor actorOf(Member member) {
        return new Actor(member.userId().toString(),
                member.displayName() != null ? member.displayName() : member.email());
    }

    private WorkOrder visible(String reference, CurrentUser user) {
        var order = WorkOrderReference.parse(reference)
                .find(repository)
                .orElseThrow(() -> ProblemException.notFound("Work order " + reference));
        WorkOrderPolicy.requireVisible(user, order, reference);
        return order;
    }

    private static void requireVersion(WorkOrder order, Integer expected, boolean required) {
        if (expected == null) {
            if (required) {
                throw new ProblemException(Problem.of(ProblemType.PRECONDITION_REQUIRED,
                        "Send If-Match with the ETag you read, or \"version\" in the body"));
            }
            return;
        }
        if (expected != order.version()) {
            throw new ProblemException(Problem.of(ProblemType.STALE_VERSION,
                    "%s is at version %d, not %d; reload it and apply your change again"
                            .formatted(order.displayNumber(), order.version(), expected)));
        }
    }
}
