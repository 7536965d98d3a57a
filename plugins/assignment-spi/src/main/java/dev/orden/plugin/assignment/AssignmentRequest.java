package dev.orden.plugin.assignment;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What a strategy decides on: the order, the team whose members are the candidates (null when they are the members
 * of every team), the candidates (away and full ones included, so that a strategy can say why it chose no one),
 * the tenant's settings for the strategy, and the strategy's state for this tenant.
 */
public record AssignmentRequest(OrderFacts order, String team, List<Candidate> candidates, Settings settings,
                                StrategyState state) {

    /** The scope of state for "every team". */
    public static final String ALL_TEAMS = "*";

    public AssignmentRequest {
        Objects.requireNonNull(order);
        candidates = List.copyOf(candidates);
        settings = settings == null ? Settings.empty() : settings;
        state = state == null ? StrategyState.inMemory() : state;
    }

    /** The candidates a strategy may choose: active and below their capacity. */
    public List<Candidate> available() {
        return candidates.stream().filter(Candidate::isAvailable).toList();
    }

    /** Where state about this team is kept: the team's key, or {@value #ALL_TEAMS}. */
    public String scope() {
        return team != null ? team : ALL_TEAMS;
    }

    /** Why no candidate is available, naming each one's reason: "no agents in team x", "Ana is away, Luis is full (3/3)". */
    public String whyNoneAvailable() {
        if (candidates.isEmpty()) return team != null ? "team " + team + " has no agents" : "no team has agents";
        return candidates.stream().map(Candidate::unavailability).filter(Objects::nonNull)
                .collect(Collectors.joining(", "));
    }
}
