package dev.orden.workorder;

import dev.orden.config.workflow.StateCategory;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A validated list request. Null or empty filters are not applied; {@code statuses} are state keys of any workflow,
 * {@code categories} their categories; {@code assignee} may be {@link #UNASSIGNED};
 * {@code customFields} maps a custom-field key to the value it must equal; {@code customFieldConditions} are the
 * typed ranges and emptiness tests; {@code scheduledFrom}/{@code scheduledTo} keep the orders whose planned visit
 * overlaps [from, to) (either may be open). {@code requester} is forced to the caller for requesters by the service, never
 * trusted from them.
 */
record WorkOrderQuery(Set<String> statuses, Set<StateCategory> categories, String assignee, String team, String type, String area,
                      String requester, Priority priority, String text, Map<String, String> customFields,
                      List<CustomFieldCondition> customFieldConditions, WorkOrderSort sort, Cursor after, int limit,
                      Instant scheduledFrom, Instant scheduledTo, Set<String> teams, Instant slaDueBy) {

    static final String UNASSIGNED = "none";

    /** {@code teams}: any of these (the caller's teams, {@code team=mine}); null = not applied. {@code slaDueBy}:
     * orders with a clock not met that is breached or due by then; null = not applied. */

    WorkOrderQuery withRequester(String requesterId) {
        return new WorkOrderQuery(statuses, categories, assignee, team, type, area, requesterId, priority, text,
                customFields, customFieldConditions, sort, after, limit, scheduledFrom, scheduledTo, teams, slaDueBy);
    }
}
