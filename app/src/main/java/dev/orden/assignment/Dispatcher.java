package dev.orden.assignment;

import dev.orden.config.ActiveConfiguration;
import dev.orden.plugin.assignment.AssignmentRequest;
import dev.orden.plugin.assignment.AssignmentStrategyFactory;
import dev.orden.plugin.assignment.Candidate;
import dev.orden.plugin.assignment.Choice;
import dev.orden.plugin.assignment.OrderFacts;
import dev.orden.shared.problem.ProblemException;
import dev.orden.tenant.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Automatic assignment for the caller's tenant: a strategy's pick among a team's candidates, and the tenant's
 * declarative rules for a new order. It decides only; the work-order feature applies the decision to the order and
 * writes the history. A strategy's choice is checked: it must name an available candidate.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());

    @Inject
    ActiveConfiguration configuration;

    @Inject
    TenantContext context;

    @Inject
    Strategies strategies;

    @Inject
    CandidatePool pool;

    @Inject
    StrategyStates states;

    private final ConcurrentMap<UUID, AssignmentConfig> configs = new ConcurrentHashMap<>();

    /** A declarative rule's decision for a new order: the first rule that matches, if any. */
    public record Routed(String ruleKey, String ruleName, Decision decision) {}

    /**
     * The agent {@code strategy} (null: the tenant's default) picks among {@code team}'s members (null: every
     * team's); 422 on {@code strategy} or {@code team} when the tenant has no such strategy enabled or no such team.
     * {@code because}, when given, leads the reason.
     */
    public Decision decide(OrderFacts order, String strategy, String team, String because) {
        var config = config();
        var id = strategy != null ? strategy : config.defaultStrategy();
        if (id == null) throw ProblemException.invalid("strategy", "this tenant has no assignment strategy enabled");
        var settings = config.settingsOf(id).orElseThrow(() -> ProblemException.invalid("strategy",
                "'" + id + "' is not enabled for this tenant (enabled: " + String.join(", ", config.strategies().keySet())
                        + ")"));
        if (team != null && !config.teams().containsKey(team)) throw ProblemException.invalid("team", "unknown team '" + team + "'");
        var factory = strategies.find(id).orElseThrow(() -> ProblemException.invalid("strategy",
                "'" + id + "' is not installed on this server"));
        var candidates = pool.candidates(config, team);
        var request = new AssignmentRequest(withAreaPath(order, config), team, candidates, settings, states.of(id));
        var choice = choose(id, factory, request);
        var lead = because == null ? "" : because + "; ";
        var chosen = choice.isNone() ? null
                : candidates.stream().filter(c -> c.id().equals(choice.agentId()) && c.isAvailable()).findFirst()
                .orElse(null);
        if (chosen == null) {
            var why = choice.isNone() ? choice.reason() : "it chose someone who is not an available member of "
                    + (team != null ? "team " + team : "a team");
            return Decision.noOne(team, lead + "strategy " + id + " chose no one: " + why);
        }
        return Decision.agent(team, chosen.id(), chosen.label(), lead + "assigned by strategy " + id + ": " + choice.reason());
    }

    /** What the first of the tenant's assignment rules that matches {@code order} decides. */
    public Optional<Routed> route(OrderFacts order) {
        var config = config();
        var facts = withAreaPath(order, config);
        return config.rules().stream().filter(rule -> rule.when().matches(facts)).findFirst()
                .map(rule -> new Routed(rule.key(), rule.name(), safely(config, facts, rule)));
    }

    /** A rule never stops the order being created: a strategy gone from the server leaves it unassigned. */
    private Decision safely(AssignmentConfig config, OrderFacts order, AssignmentRule rule) {
        try {
            return decide(config, order, rule);
        } catch (ProblemException problem) {
            var errors = problem.problem().errors();
            var why = errors != null && !errors.isEmpty() ? errors.getFirst().message() : problem.problem().detail();
            return Decision.noOne(rule.then().team(), rule.name() + ": " + why);
        }
    }

    private Decision decide(AssignmentConfig config, OrderFacts order, AssignmentRule rule) {
        var then = rule.then();
        if (then.strategy() != null) return decide(order, then.strategy(), then.team(), rule.name());
        if (then.assignee() == null) return Decision.teamOnly(then.team(), rule.name());
        var person = pool.candidates(config, null).stream()
                .filter(c -> c.email() != null && c.email().equalsIgnoreCase(then.assignee())).findFirst();
        if (person.isEmpty()) {
            return Decision.noOne(then.team(), rule.name() + ": " + then.assignee()
                    + " is not a team member Orden knows who can be given work");
        }
        var unavailable = person.get().unavailability();
        if (unavailable != null) return Decision.noOne(then.team(), rule.name() + ": " + unavailable);
        return Decision.agent(then.team(), person.get().id(), person.get().label(), rule.name());
    }

    private Choice choose(String id, AssignmentStrategyFactory factory,
                          AssignmentRequest request) {
        try (var strategy = strategies.create(factory, context.tenantId())) {
            var choice = strategy.choose(request);
            return choice != null ? choice : Choice.none("it gave no answer");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Assignment strategy " + id + " failed", e);
            return Choice.none("it failed (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
    }

    /** The candidates of a team (or of every team), for dispatchers' overview. */
    public List<Candidate> candidates(String team) {
        var config = config();
        if (team != null && !config.teams().containsKey(team)) throw ProblemException.invalid("team", "unknown team '" + team + "'");
        return pool.candidates(config, team);
    }

    /** The strategies the tenant enabled, in its order, and its default. */
    public List<String> enabled() {
        return List.copyOf(config().strategies().keySet());
    }

    public Optional<String> defaultStrategy() {
        return Optional.ofNullable(config().defaultStrategy());
    }

    /** An order as strategies see it; its area path is filled in from the tenant's area tree when deciding. */
    public static OrderFacts facts(String id, String number, String type, String priority, String title,
                                   String description, String team, String area, JsonObject customFields) {
        return new OrderFacts(id, number, type, priority, title, description, team, area, List.of(),
                JsonData.toJava(customFields));
    }

    private static OrderFacts withAreaPath(OrderFacts order, AssignmentConfig config) {
        return new OrderFacts(order.id(), order.number(), order.type(), order.priority(), order.title(),
                order.description(), order.team(), order.area(), config.areas().path(order.area()),
                order.customFields());
    }

    private AssignmentConfig config() {
        var tenantId = context.tenantId();
        var active = configuration.current().orElse(null);
        if (active == null) return AssignmentConfig.of(0, JsonValue.EMPTY_JSON_OBJECT);
        var cached = configs.get(tenantId);
        if (cached != null && cached.version() == active.version()) return cached;
        var fresh = AssignmentConfig.of(active.version(), active.bundle());
        configs.put(tenantId, fresh);
        return fresh;
    }
}
