package dev.orden.assignment;

import dev.orden.identity.Role;
import dev.orden.plugin.assignment.Candidate;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** For dispatchers and admins: the strategies there are, and the agents with their availability and load. */
@Path("assignment")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
@RolesAllowed({Role.Names.TENANT_ADMIN, Role.Names.DISPATCHER})
public class AssignmentResource {

    public record StrategyView(String id, String description, String origin, boolean enabled, boolean isDefault) {}

    public record HomeView(double lat, double lon) {}

    public record AgentView(String id, String email, String name, String availability, Integer capacity,
                            int openOrders, Map<String, Integer> openByPriority, List<String> skills,
                            List<String> areas, HomeView home, boolean available) {

        static AgentView of(Candidate c) {
            return new AgentView(c.id(), c.email(), c.name(), c.availability().name().toLowerCase(Locale.ROOT),
                    c.capacity(), c.openOrders(), new TreeMap<>(c.openByPriority()), c.skills().stream().sorted().toList(),
                    c.areas().stream().sorted().toList(), c.home() == null ? null : new HomeView(c.home().lat(),
                    c.home().lon()), c.isAvailable());
        }
    }

    @Inject
    Strategies strategies;

    @Inject
    Dispatcher dispatcher;

    @GET
    @Path("strategies")
    @Transactional
    @Operation(summary = "The assignment strategies of this server (built-in or plugin), and which the tenant enabled")
    public List<StrategyView> strategies() {
        var enabled = dispatcher.enabled();
        var preferred = dispatcher.defaultStrategy().orElse(null);
        return strategies.all().stream().map(f -> new StrategyView(f.getId(), f.description(), strategies.origin(f),
                enabled.contains(f.getId()), f.getId().equals(preferred))).toList();
    }

    @GET
    @Path("agents")
    @Transactional
    @Operation(summary = "The members of a team (or of every team) as strategies see them: availability, capacity, open orders, skills, areas")
    public List<AgentView> agents(@QueryParam("team") String team) {
        return dispatcher.candidates(team == null || team.isBlank() ? null : team).stream().map(AgentView::of).toList();
    }
}
