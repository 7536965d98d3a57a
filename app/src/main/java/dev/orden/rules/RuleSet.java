package dev.orden.rules;

import java.util.List;
import java.util.Optional;

/**
 * One configuration version's rules, compiled: what runs on an event. A rule whose source does not compile (a
 * version published before the check, or a sandbox that tightened) stays in the set with its error, so that every
 * event it should have run on records the failure instead of silently skipping it.
 */
public record RuleSet(int configVersion, List<Entry> rules) {

    /** A rule and its compiled form, or the error that kept it from compiling. */
    public record Entry(RuleDefinition definition, CompiledRule compiled, RuleError error) {

        public Optional<CompiledRule> rule() {
            return Optional.ofNullable(compiled);
        }
    }

    public RuleSet {
        rules = List.copyOf(rules);
    }

    /** The rules that run on {@code event} for an order of {@code type}, in order. */
    public List<Entry> on(String event, String type) {
        return rules.stream().filter(entry -> entry.definition().runsOn(event, type)).toList();
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }
}
