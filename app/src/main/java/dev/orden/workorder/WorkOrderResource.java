package dev.orden.workorder;

import dev.orden.config.ActiveConfiguration;
import dev.orden.config.TenantSettings;
import dev.orden.config.field.FieldDefinition;
import dev.orden.config.workflow.StateCategory;
import dev.orden.identity.Role;
import dev.orden.shared.problem.FieldError;
import dev.orden.shared.problem.ProblemException;
import dev.orden.tenant.TenantContext;
import dev.orden.workorder.WorkOrderRequests.AssignmentRequest;
import dev.orden.workorder.WorkOrderRequests.CommentRequest;
import dev.orden.workorder.WorkOrderRequests.TransferRequest;
import dev.orden.workorder.WorkOrderRequests.TransitionRequest;
import dev.orden.workorder.WorkOrderViews.CommentView;
import dev.orden.workorder.WorkOrderViews.CountsView;
import dev.orden.workorder.WorkOrderViews.EventView;
import dev.orden.workorder.WorkOrderViews.PageView;
import dev.orden.workorder.WorkOrderViews.RuleTraceView;
import dev.orden.workorder.WorkOrderViews.TransitionView;
import dev.orden.workorder.WorkOrderViews.WorkOrderView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("workorders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
@RolesAllowed({Role.Names.TENANT_ADMIN, Role.Names.DISPATCHER, Role.Names.AGENT, Role.Names.REQUESTER})
public class WorkOrderResource {

    static final String MERGE_PATCH = "application/merge-patch+json";
    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 200;
    private static final String MY_TEAMS = "mine";
    private static final int AT_RISK_HOURS = 2;
    private static final Pattern STATE_KEY = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]{0,63}");


    @Inject
    WorkOrderService service;

    @Inject
    TenantContext context;

    @Inject
    CustomFieldCatalog customFieldCatalog;

    @Inject
    ActiveConfiguration activeConfiguration;

    @Inject
    WorkOrderConfiguration configuration;

    @Inject
    TeamMembers teamMembers;

    @Context
    UriInfo uriInfo;

    @POST
    @Operation(summary = "Create a work order; dispatchers and admins may assign it at once")
    public Response create(@NotNull(message = "a JSON object is required") JsonObject body) {
        var draft = WorkOrderInput.draft(body);
        var assignment = body.containsKey("assignee") || body.containsKey("team")
                ? new WorkOrderService.Assignment(body.getString("assignee", null), body.getString("team", null), null)
                : null;
        var order = service.create(draft, body.getString("requesterId", null), assignment);
        return Response.created(uriInfo.getAbsolutePathBuilder().path(order.id().toString()).build())
                .tag(etag(order))
                .entity(view(order))
                .build();
    }

    @GET
    @Operation(summary = "List work orders with filters (custom fields: cf.<key>=value; cf.<key>.gte|lte|gt|lt=bound "
            + "on number, money, date and datetime fields; cf.<key>.empty=true|false), sorting (number, createdAt, "
            + "updatedAt or cf.<key> typed by the field, '-' for descending, no value last) and cursor pagination; "
            + "scheduledFrom/scheduledTo (days of the tenant's zone, inclusive, or date-times): planned visits in the range")
    @Parameter(name = "scheduledFrom", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.STRING),
            description = "planned visits ending after this day (of the tenant's zone) or date-time with offset")
    @Parameter(name = "scheduledTo", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.STRING),
            description = "planned visits starting before the end of this day (inclusive) or before this date-time")
    public PageView list(@QueryParam("status") List<String> status, @QueryParam("category") List<String> category,
                         @QueryParam("assignee") String assignee,
                         @QueryParam("team") String team, @QueryParam("type") String type,
                         @QueryParam("area") String area, @QueryParam("requester") String requester,
                         @QueryParam("priority") String priority, @QueryParam("q") String text,
                         @QueryParam("sort") String sort, @QueryParam("cursor") String cursor,
                         @QueryParam("limit") String limit, @QueryParam("sla") String sla) {
        var query = query(status, category, assignee, team, type, area, requester, priority, text, sort, cursor, limit,
                sla);
        return service.page(query);
    }

    @GET
    @Path("counts")
    @Operation(summary = "Count work orders by status and by status category, with the same filters as the list "
            + "(cf.<key>=value, cf.<key>.gte|lte|gt|lt|empty too)")
    public CountsView counts(@QueryParam("status") List<String> status, @QueryParam("category") List<String> category,
                             @QueryParam("assignee") String assignee,
                             @QueryParam("team") String team, @QueryParam("type") String type,
                             @QueryParam("area") String area, @QueryParam("requester") String requester,
                             @QueryParam("priority") String priority, @QueryParam("q") String text,
                             @QueryParam("sla") String sla) {
        var query = query(status, category, assignee, team, type, area, requester, priority, text, null, null, null,
                sla);
        return CountsView.of(service.count(query));
    }

    @GET
    @Path("{ref}")
    @Operation(summary = "A work order by id or number (WO-1042 or 1042)")
    public Response get(@PathParam("ref") String reference) {
        var order = service.get(reference);
        return ok(order);
    }

    @PATCH
    @Path("{ref}")
    @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
    @Operation(summary = "Change fields (JSON merge patch); needs If-Match or \"version\"")
    public Response update(@PathParam("ref") String reference, @HeaderParam("If-Match") String ifMatch,
                           @NotNull(message = "a JSON object is required") JsonObject patch) {
        var version = version(ifMatch, patch.get("version"));
        var order = service.update(reference, version, patch);
        return ok(order);
    }

    @POST
    @Path("{ref}/transitions")
    @Operation(summary = "Move a work order along its type's workflow; customFields, if given, are set in the same change")
    public Response transition(@PathParam("ref") String reference, @HeaderParam("If-Match") String ifMatch,
                               @NotNull(message = "a JSON object is required") @Valid TransitionRequest request) {
        var version = version(ifMatch, request.version());
        var order = service.transition(reference, version, request.to(), request.comment(), request.customFields());
        return ok(order);
    }

    @GET
    @Path("{ref}/transitions")
    @Operation(summary = "The moves the caller may make from the order's state: target, category, names, what each requires and what is still missing")
    public List<TransitionView> transitions(@PathParam("ref") String reference) {
        var order = service.get(reference);
        return service.transitions(order).stream().map(move -> TransitionView.of(order, move)).toList();
    }

    @POST
    @Path("{ref}/assignment")
    @Operation(summary = "Assign a work order to a person (their user id) and/or a team")
    public Response assign(@PathParam("ref") String reference, @HeaderParam("If-Match") String ifMatch,
                           @NotNull(message = "a JSON object is required") @Valid AssignmentRequest request) {
        if (request.assignee() == null && request.team() == null) {
            throw ProblemException.invalid(List.of(new FieldError("assignee", "give an assignee, a team or both"),
                    new FieldError("team", "give an assignee, a team or both")));
        }
        var version = version(ifMatch, request.version());
        var order = service.assign(reference, version,
                new WorkOrderService.Assignment(request.assignee(), request.team(), request.reason()));
        return ok(order);
    }

    @POST
    @Path("{ref}/transfer")
    @Operation(summary = "Transfer a work order to another team and/or area, with a reason (agents, dispatchers, admins); "
            + "the assignee stays only if a member of the new team")
    public Response transfer(@PathParam("ref") String reference, @HeaderParam("If-Match") String ifMatch,
                             @NotNull(message = "a JSON object is required") @Valid TransferRequest request) {
        var order = service.transfer(reference, version(ifMatch, request.version()),
                new WorkOrderTransfer.Request(request.team(), request.area(), request.reason()));
        return ok(order);
    }

    @GET
    @Path("{ref}/history")
    @Operation(summary = "Every change to the work order: who, when, what from and to")
    public List<EventView> history(@PathParam("ref") String reference) {
        return service.historyViews(reference);
    }

    @GET
    @Path("{ref}/rule-traces")
    @Operation(summary = "Every flow-rule evaluation on the order: rule and version, event, duration, effects applied or refused and why, errors with line and column (staff)")
    public List<RuleTraceView> ruleTraces(@PathParam("ref") String reference) {
        return service.ruleTraces(reference).stream().map(RuleTraceView::of).toList();
    }

    @GET
    @Path("{ref}/comments")
    @Operation(summary = "Comments; requesters see the public ones")
    public List<CommentView> comments(@PathParam("ref") String reference) {
        return service.comments(reference).stream().map(CommentView::of).toList();
    }

    @POST
    @Path("{ref}/comments")
    @Operation(summary = "Add a public or internal comment")
    public Response comment(@PathParam("ref") String reference,
                            @NotNull(message = "a JSON object is required") @Valid CommentRequest request) {
        var visibility = request.visibility() == null ? Visibility.PUBLIC : Visibility.valueOf(request.visibility());
        var comment = service.comment(reference, request.body().strip(), visibility);
        return Response.status(Response.Status.CREATED).entity(CommentView.of(comment)).build();
    }

    private Response ok(WorkOrder order) {
        return Response.ok(view(order)).tag(etag(order)).build();
    }

    private WorkOrderView view(WorkOrder order) {
        return service.view(order);
    }

    private static EntityTag etag(WorkOrder order) {
        return new EntityTag(Integer.toString(order.version()));
    }

    /** The version a change is based on: If-Match wins over a {@code version} in the body. */
    private static Integer version(String ifMatch, Object bodyVersion) {
        var raw = ifMatch != null ? ifMatch.replaceFirst("^W/", "").replace("\"", "").strip()
                : bodyVersion == null ? null : bodyVersion.toString();
        if (raw == null || raw.equals("null")) return null;
        try {
            return Integer.valueOf(raw);
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(ifMatch != null ? "If-Match" : "version", "must be the ETag/version you read");
        }
    }

    private WorkOrderQuery query(List<String> status, List<String> category, String assignee, String team, String type, String area,
                                 String requester, String priority, String text, String sort, String cursor,
                                 String limit, String sla) {
        var errors = new ArrayList<FieldError>();
        var customFields = CustomFieldFilter.fromQuery(uriInfo.getQueryParameters(), errors);
        // A requester filters and sorts only by the fields they see (a sort key's value travels in the cursor).
        var hidden = configuration.hiddenFrom(context.user());
        customFields.equal().keySet().stream().filter(hidden::contains).forEach(key -> errors.add(
                new FieldError(CustomFieldFilter.PREFIX + key, "is not a custom field you can filter by")));
        var definitions = new HashMap<>(definitionsFor(customFields, sort));
        definitions.keySet().removeAll(hidden);
        var conditions = CustomFieldCondition.typed(customFields.conditions(), definitions, errors);
        var statuses = new TreeSet<String>();
        for (var key : listed(status)) {
            if (STATE_KEY.matcher(key).matches()) statuses.add(key);
            else errors.add(new FieldError("status", "'" + key + "' is not a state key (letters, digits, _)"));
        }
        var categories = EnumSet.noneOf(StateCategory.class);
        for (var key : listed(category)) {
            StateCategory.byKey(key.toLowerCase(Locale.ROOT)).ifPresentOrElse(categories::add, () -> errors.add(
                    new FieldError("category", "'" + key + "' is not one of " + Arrays.stream(StateCategory.values())
                            .map(StateCategory::key).toList())));
        }
        Priority priorityFilter = null;
        if (priority != null && !priority.isBlank()) {
            try {
                priorityFilter = Priority.valueOf(priority.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("priority", "must be one of " + Arrays.toString(Priority.values())));
            }
        }
        int size = limit == null || limit.isBlank() ? DEFAULT_LIMIT : parseOrZero(limit);
        if (size < 1 || size > MAX_LIMIT) errors.add(new FieldError("limit", "must be between 1 and " + MAX_LIMIT));
        if (text != null && text.length() > 200) errors.add(new FieldError("q", "must be at most 200 characters"));
        var parameters = uriInfo.getQueryParameters();
        var zone = parameters.containsKey("scheduledFrom") || parameters.containsKey("scheduledTo") ? timeZone() : null;
        var visitFrom = Visit.bound("scheduledFrom", parameters.getFirst("scheduledFrom"), zone, false, errors);
        var visitTo = Visit.bound("scheduledTo", parameters.getFirst("scheduledTo"), zone, true, errors);
        if (visitFrom != null && visitTo != null && !visitTo.isAfter(visitFrom)) {
            errors.add(new FieldError("scheduledTo", "must not be before scheduledFrom"));
        }
        var slaDueBy = slaDueBy(sla, errors);
        if (!errors.isEmpty()) throw ProblemException.invalid(errors);
        var order = WorkOrderSort.parse(sort, definitions);
        var after = cursor == null || cursor.isBlank() ? null : Cursor.decode(cursor, order);
        var mine = MY_TEAMS.equals(blankToNull(team));
        return new WorkOrderQuery(statuses, categories, me(assignee), mine ? null : blankToNull(team),
                blankToNull(type), blankToNull(area), me(requester), priorityFilter, blankToNull(text),
                customFields.equal(), conditions, order, after, size, visitFrom, visitTo, mine ? myTeams() : null,
                slaDueBy);
    }

    private java.time.ZoneId timeZone() {
        return activeConfiguration.current().map(a -> TenantSettings.of(a.bundle()).timeZone())
                .orElse(TenantSettings.DEFAULTS.timeZone());
    }

    /** {@code team=mine}: the teams of the active configuration that list the caller's e-mail. */
    private Set<String> myTeams() {
        var email = context.user().email();
        return teamMembers.teams().stream().filter(team -> teamMembers.includes(team, email))
                .collect(Collectors.toSet());
    }

    /** {@code sla=overdue}: a clock breached or due by now; {@code at-risk}: also due within {@value #AT_RISK_HOURS} h. */
    private static Instant slaDueBy(String sla, List<FieldError> errors) {
        var value = blankToNull(sla);
        if (value == null) return null;
        return switch (value) {
            case "overdue" -> Instant.now();
            case "at-risk" -> Instant.now().plus(Duration.ofHours(AT_RISK_HOURS));
            default -> {
                errors.add(new FieldError("sla", "must be overdue or at-risk"));
                yield null;
            }
        };
    }

    /** The tenant's custom-field definitions, read only when a condition or the sort is typed by them. */
    private Map<String, FieldDefinition> definitionsFor(CustomFieldFilter.Parsed customFields, String sort) {
        return customFields.conditions().isEmpty() && !WorkOrderSort.needsFields(sort) ? Map.of()
                : customFieldCatalog.byKey();
    }

    /** The values of a repeatable, comma-separated parameter ({@code status=A,B&status=C}), blanks dropped. */
    private static List<String> listed(List<String> values) {
        if (values == null) return List.of();
        return values.stream().flatMap(v -> Arrays.stream(v.split(","))).map(String::strip)
                .filter(v -> !v.isEmpty()).toList();
    }

    /** A number parameter; what is no number is 0, which the range check then reports (JAX-RS would say 404). */
    private static int parseOrZero(String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** {@code me} stands for the caller's own id in the assignee and requester filters. */
    private String me(String value) {
        var v = blankToNull(value);
        return "me".equals(v) ? context.user().id() : v;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
