package dev.orden.plugin.assignment;

import java.util.Objects;

/**
 * A strategy's answer: the chosen agent's id and why (written into the order's history after "assigned by strategy
 * &lt;id&gt;: "), or no agent and why not.
 */
public record Choice(String agentId, String reason) {

    public Choice {
        Objects.requireNonNull(reason, "a choice always says why");
    }

    public static Choice of(Candidate agent, String reason) {
        return new Choice(agent.id(), reason);
    }

    public static Choice none(String reason) {
        return new Choice(null, reason);
    }

    public boolean isNone() {
        return agentId == null;
    }
}
