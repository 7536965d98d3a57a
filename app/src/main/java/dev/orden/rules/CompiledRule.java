package dev.orden.rules;

/**
 * A rule whose source parsed, ready to evaluate; made by {@link RuleEngine#compile}. Keep the object and pass the
 * same one to every evaluation: the sandbox caches its compiled code and its per-context setup by identity.
 */
public interface CompiledRule {

    String name();

    String source();
}
