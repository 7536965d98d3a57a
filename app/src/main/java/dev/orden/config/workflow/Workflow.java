package dev.orden.config.workflow;

import static dev.orden.shared.json.JsonReading.string;
import static dev.orden.shared.json.JsonReading.strings;

import dev.orden.config.field.LocalizedText;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A work-order type's lifecycle as the tenant configured it: states with categories and the transitions between
 * them. An order whose state the workflow no longer has (removed by a later version) is not stranded: dispatchers
 * and admins may move it, with a comment, to any state of the workflow.
 */
public final class Workflow {

    static final Set<String> REPAIR_ROLES = Set.of("tenant-admin", "dispatcher");

    private final String key;
    private final String initial;
    private final Map<String, WorkflowState> states;
    private final List<WorkflowTransition> transitions;

    public Workflow(String key, String initial, List<WorkflowState> states, List<WorkflowTransition> transitions) {
        this.key = key;
        this.initial = initial;
        var byKey = new LinkedHashMap<String, WorkflowState>();
        states.forEach(state -> byKey.putIfAbsent(state.key(), state));
        this.states = java.util.Collections.unmodifiableMap(byKey);
        this.transitions = List.copyOf(transitions);
        if (!this.states.containsKey(initial)) {
            throw new IllegalArgumentException("workflow " + key + ": initial state " + initial + " is not a state");
        }
    }

    /**
     * Reads a workflow of a published bundle, which passed validation. What does not parse is left out rather than
     * guessed at: a transition naming an unknown state or trigger is dropped.
     */
    public static Workflow of(JsonObject json) {
        var states = new ArrayList<WorkflowState>();
        for (var state : objects(json.get("states"))) {
            var category = StateCategory.byKey(string(state, "category"));
            if (string(state, "key") != null && category.isPresent()) {
                states.add(new WorkflowState(string(state, "key"), localized(state.get("name")), category.get()));
            }
        }
        var known = states.stream().map(WorkflowState::key).toList();
        var transitions = new ArrayList<WorkflowTransition>();
        for (var t : objects(json.get("transitions"))) {
            var from = string(t, "from");
            var to = string(t, "to");
            var trigger = string(t, "trigger") == null ? null : Trigger.byKey(string(t, "trigger")).orElse(null);
            if (!known.contains(from) || !known.contains(to) || (string(t, "trigger") != null && trigger == null)) {
                continue;
            }
            transitions.add(new WorkflowTransition(from, to, strings(t.get("roles")), trigger,
                    t.getBoolean("requireComment", false), List.copyOf(strings(t.get("requiredFields")))));
        }
        var initial = string(json, "initial");
        return new Workflow(string(json, "key"), initial != null && known.contains(initial) ? initial : known.getFirst(),
                states, transitions);
    }

    public String key() {
        return key;
    }

    public WorkflowState initialState() {
        return states.get(initial);
    }

    public List<WorkflowState> states() {
        return List.copyOf(states.values());
    }

    public List<WorkflowTransition> transitions() {
        return transitions;
    }

    public Optional<WorkflowState> state(String stateKey) {
        return Optional.ofNullable(states.get(stateKey));
    }

    /** The transitions people may take from {@code stateKey}, in the configured order. */
    public List<WorkflowTransition> manualFrom(String stateKey) {
        if (!states.containsKey(stateKey)) return repairsFrom(stateKey);
        return transitions.stream().filter(t -> t.from().equals(stateKey) && t.isManual()).toList();
    }

    /** The transition a person may take from one state to another, if the workflow has it. */
    public Optional<WorkflowTransition> manual(String from, String to) {
        return manualFrom(from).stream().filter(t -> t.to().equals(to)).findFirst();
    }

    /** The transition Orden takes by itself from {@code stateKey} on {@code trigger}, if any. */
    public Optional<WorkflowTransition> triggered(String stateKey, Trigger trigger) {
        return transitions.stream().filter(t -> t.from().equals(stateKey) && t.trigger() == trigger).findFirst();
    }

    private List<WorkflowTransition> repairsFrom(String orphan) {
        return states.keySet().stream()
                .map(to -> new WorkflowTransition(orphan, to, REPAIR_ROLES, null, true, List.of()))
                .toList();
    }

    private static List<JsonObject> objects(JsonValue value) {
        if (!(value instanceof JsonArray array)) return List.of();
        return array.stream().filter(JsonObject.class::isInstance).map(JsonObject.class::cast).toList();
    }

    private static LocalizedText localized(JsonValue value) {
        var texts = new LinkedHashMap<String, String>();
        if (value instanceof JsonObject object) {
            object.forEach((language, text) -> {
                if (text instanceof JsonString s) texts.put(language, s.getString());
            });
        }
        return new LocalizedText(texts);
    }
}
