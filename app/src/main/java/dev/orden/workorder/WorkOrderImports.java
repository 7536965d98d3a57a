package dev.orden.workorder;

import dev.orden.config.ActiveConfiguration;
import dev.orden.config.WorkOrderTypes;
import dev.orden.config.workflow.StateCategory;
import dev.orden.shared.problem.FieldError;
import dev.orden.shared.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The work-order side of bulk imports ({@code dev.orden.porting}): one imported order checked exactly as
 * {@code POST /workorders} checks its body ({@link WorkOrderInput}, then {@link WorkOrderConfiguration} against the
 * active configuration), plus what only an import may set: the state it starts in, and the team and area checked
 * as a transfer checks them. Storing is the importer's: it writes in batches, without the per-order observers.
 */
@ApplicationScoped
public class WorkOrderImports {

    @Inject
    WorkOrderConfiguration configuration;

    @Inject
    ActiveConfiguration active;

    @Inject
    TeamMembers teams;

    /** An order as it is stored: values normalised, the version it was checked under, its prefix and state. */
    public record Checked(String title, String description, String type, String priority, String area,
                          Instant dueAt, String customFields, Integer configVersion, String numberPrefix,
                          String status, StateCategory statusCategory) {}

    /** Checks for one import: the active configuration, teams and areas read once, at the start. */
    public Session session() {
        return new Session(active.current(), teams.teams(), teams.areas());
    }

    public final class Session {
        private final Optional<ActiveConfiguration.Active> current;
        private final Set<String> teamKeys;
        private final Set<String> areaKeys;

        private Session(Optional<ActiveConfiguration.Active> current, Set<String> teamKeys, Set<String> areaKeys) {
            this.current = current;
            this.teamKeys = teamKeys;
            this.areaKeys = areaKeys;
        }

        /**
         * {@code body} has the fields of a create request ({@code title}, {@code description}, {@code type},
         * {@code priority}, {@code area}, {@code dueAt}, {@code customFields}, {@code team}); {@code status} is a
         * state key of the type's workflow, or null for its initial state. A 422 {@link ProblemException} lists
         * every error.
         */
        public Checked check(JsonObject body, String status) {
            var result = configuration.create(WorkOrderInput.draft(body), current);
            var checked = result.draft();
            var errors = new ArrayList<FieldError>();
            var workflow = current.flatMap(a -> a.types().workflowOf(checked.type()))
                    .orElseGet(WorkOrderTypes::fallbackWorkflow);
            var state = status == null ? workflow.initialState() : workflow.state(status).orElse(null);
            if (state == null) {
                errors.add(new FieldError("status", "is not a state of the '" + workflow.key()
                        + "' workflow; expected one of "
                        + workflow.states().stream().map(s -> s.key()).collect(Collectors.joining(", "))));
            }
            var team = body.getString("team", null);
            if (team != null && !teamKeys.contains(team)) {
                errors.add(new FieldError("team", "unknown team '" + team + "'; teams: "
                        + String.join(", ", new TreeSet<>(teamKeys))));
            }
            if (checked.area() != null && !areaKeys.isEmpty() && !areaKeys.contains(checked.area())) {
                errors.add(new FieldError("area", "unknown area '" + checked.area() + "'; areas: "
                        + String.join(", ", new TreeSet<>(areaKeys))));
            }
            if (!errors.isEmpty()) throw ProblemException.invalid(errors);
            return new Checked(checked.title(), checked.description(), checked.type(), checked.priority().name(),
                    checked.area(), checked.dueAt(), checked.customFields(), result.configVersion(),
                    result.numberPrefix(), state.key(), state.category());
        }
    }
}
