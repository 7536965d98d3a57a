package dev.orden.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Assignment calls the dispatch suites share: agents as strategies see them, availability, dispatch. */
final class Dispatching {

    /** acme's least-loaded weights: its assignment.json counts an urgent order as 8, the others as the default. */
    static final Map<String, Integer> ACME_WEIGHTS = Map.of("LOW", 1, "NORMAL", 2, "HIGH", 3, "URGENT", 8);

    private Dispatching() {}

    /** {@code GET /assignment/agents?team=}: the team's members with availability, capacity and open orders. */
    static List<JsonObject> agents(Api dispatcher, String team) {
        return dispatcher.get("/assignment/agents" + (team == null ? "" : "?team=" + team)).expect(200).objects();
    }

    static JsonObject agent(Api dispatcher, String team, String email) {
        return agents(dispatcher, team).stream().filter(a -> a.getString("email").equals(email)).findFirst()
                .orElseThrow(() -> new AssertionError(email + " is not among " + team + "'s agents"));
    }

    static String idOf(Api dispatcher, String email) {
        return agent(dispatcher, null, email).getString("id");
    }

    static Res setAvailability(Api api, String memberId, String availability) {
        return api.send("PUT", "/members/" + memberId + "/availability", Api.JSON,
                Json.createObjectBuilder().add("availability", availability).build().toString(), Map.of());
    }

    static Res dispatch(Api api, String ref, String strategy, String team) {
        var body = Json.createObjectBuilder();
        if (strategy != null) body.add("strategy", strategy);
        if (team != null) body.add("team", team);
        return api.post("/workorders/" + ref + "/dispatch", body.build());
    }

    /** The agent least-loaded must pick now: lightest weighted load, then fewest open orders, then e-mail. */
    static JsonObject lightest(List<JsonObject> agents, Map<String, Integer> weights) {
        return agents.stream().filter(a -> a.getBoolean("available"))
                .min(Comparator.comparingInt((JsonObject a) -> load(a, weights))
                        .thenComparingInt(a -> a.getInt("openOrders")).thenComparing(a -> a.getString("email")))
                .orElseThrow();
    }

    static int load(JsonObject agent, Map<String, Integer> weights) {
        var open = agent.getJsonObject("openByPriority");
        return open.keySet().stream().mapToInt(p -> open.getInt(p) * weights.get(p)).sum();
    }

    /** The history entry that set {@code field}, last of them. */
    static JsonObject entry(List<JsonObject> history, String kind, String field) {
        return history.stream().filter(e -> e.getString("kind").equals(kind) && field.equals(e.getString("field", null)))
                .reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no " + kind + " " + field + " in " + history));
    }
}
