package dev.orden.assignment;

/**
 * Where an automatic assignment puts an order: a team (null: keep the order's), an agent (null: no one) and the
 * reason written into the history. {@code missed} says an agent was looked for and none found, which the history
 * notes too.
 */
public record Decision(String team, String agentId, String agentName, String reason, boolean missed) {

    static Decision agent(String team, String agentId, String agentName, String reason) {
        return new Decision(team, agentId, agentName, reason, false);
    }

    static Decision noOne(String team, String reason) {
        return new Decision(team, null, null, reason, true);
    }

    static Decision teamOnly(String team, String reason) {
        return new Decision(team, null, null, reason, false);
    }

    public boolean assigns() {
        return agentId != null;
    }
}
