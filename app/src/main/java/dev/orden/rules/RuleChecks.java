package dev.orden.rules;

import dev.orden.shared.problem.FieldError;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A draft's flow rules tried in the sandbox, as publishing requires: each source parses and declares its
 * {@code rule} function (an error at {@code /rules/i/source}, the file {@code rules/<key>.js}), and each of its test
 * cases gives what it expects (an error at {@code /rules/i/tests/j}, in {@code rules/<key>.test.json}). One draft's
 * checks share one time budget, so a draft of runaway rules cannot hold its request long: what comes after the
 * budget is spent fails as not run.
 */
public final class RuleChecks {

    private final RuleEngine engine;
    private final Duration budget;

    public RuleChecks(RuleEngine engine, Duration budget) {
        this.engine = engine;
        this.budget = budget;
    }

    /** Every problem of the bundle's rules, for {@code tenantId}'s sandbox; {@code now} is the cases' default. */
    public List<FieldError> check(UUID tenantId, JsonObject bundle, Instant now) {
        var run = new Run(tenantId, bundle, now, System.nanoTime() + budget.toNanos(), new ArrayList<>());
        if (bundle.get("rules") instanceof JsonArray rules) {
            for (int i = 0; i < rules.size(); i++) {
                if (rules.get(i) instanceof JsonObject json) {
                    var at = "/rules/" + i;
                    RuleDefinition.draft(json).filter(rule -> !rule.source().isBlank())
                            .ifPresent(rule -> check(run, at, rule));
                }
            }
        }
        return List.copyOf(run.errors());
    }

    private record Run(UUID tenantId, JsonObject bundle, Instant now, long deadlineNanos, List<FieldError> errors) {}

    private void check(Run run, String at, RuleDefinition rule) {
        var compiled = compiled(run, at + "/source", rule);
        if (compiled.isEmpty()) return;
        var tests = rule.tests();
        for (int j = 0; j < tests.size(); j++) {
            var pointer = at + "/tests/" + j;
            RuleTestCase.of(tests.get(j)).flatMap(test -> failure(run, rule, compiled.get(), test))
                    .ifPresent(why -> run.errors().add(new FieldError(pointer, why)));
        }
    }

    /** The rule compiled and its top level run once (that is where a missing {@code rule} function shows). */
    private Optional<CompiledRule> compiled(Run run, String pointer, RuleDefinition rule) {
        var compilation = engine.compile(rule.key(), rule.source());
        if (compilation instanceof Compilation.Rejected rejected) {
            run.errors().add(new FieldError(pointer, rejected.error().placed()));
            return Optional.empty();
        }
        var compiled = ((Compilation.Compiled) compilation).rule();
        if (spent(run)) {
            run.errors().add(new FieldError(pointer, notRun()));
            return Optional.empty();
        }
        var broken = engine.warmUp(run.tenantId(), List.of(compiled)).get(compiled);
        if (broken != null) {
            run.errors().add(new FieldError(pointer, broken.placed()));
            return Optional.empty();
        }
        return Optional.of(compiled);
    }

    private static boolean spent(Run run) {
        return System.nanoTime() - run.deadlineNanos() > 0;
    }

    private String notRun() {
        return "not run: a draft's rules may take " + budget.toMillis() + " ms in all to check, and the rules and "
                + "cases before took them";
    }

    private Optional<String> failure(Run run, RuleDefinition rule, CompiledRule compiled, RuleTestCase test) {
        var mistake = test.mistake();
        var event = test.eventFor(rule);
        if (mistake.isPresent() || event == null) return mistake;
        if (spent(run)) return test.failing(notRun());
        var input = RuleInput.completed(test.input(), event, run.now(), run.bundle());
        return test.failure(engine.evaluate(run.tenantId(), compiled, input.toString(), rule.limits(engine.maxima())));
    }
}
