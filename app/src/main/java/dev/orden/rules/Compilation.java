package dev.orden.rules;

/** The result of {@link RuleEngine#compile}: a rule ready to run, or its {@link RuleError.Kind#SYNTAX} error. */
public sealed interface Compilation {

    record Compiled(CompiledRule rule) implements Compilation {}

    record Rejected(RuleError error) implements Compilation {}
}
