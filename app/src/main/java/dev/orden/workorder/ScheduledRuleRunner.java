package dev.orden.workorder;

import dev.orden.shared.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import dev.orden.shared.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A scheduled rule's run: with a {@code select}, one evaluation per selected order, oldest first, each order
 * changed and checkpointed in its own transaction (a run taken over after a crash goes on after the last order
 * done); without one, a single evaluation with no order. Progress is {@code {"after": number, "done": count}}.
 */
@ApplicationScoped
class ScheduledRuleRunner {

    private static final int PAGE = 50;

    /** What a run did: each selected order's outcome, or the one evaluation's when it selects no orders. */
    record Summary(List<OrderResult> orders, JsonObject withoutOrder) {}

    record OrderResult(UUID id, String number, String outcome) {}

    @Inject
    ScheduledSelection selection;

    @Inject
    ScheduledRuleSteps steps;

    Summary run(ScheduledRun run, JsonObject progress, ScheduledRuleSteps.Checkpoint checkpoint) {
        var select = run.definition().select();
        if (select == null) {
            if (progress != null) return new Summary(List.of(), null);
            return new Summary(List.of(), steps.withoutOrder(run, progress(0, 1), checkpoint));
        }
        long after = number(progress, "after");
        int done = (int) number(progress, "done");
        var results = new ArrayList<OrderResult>();
        while (done < select.limit()) {
            var page = selection.next(run, after, Math.min(PAGE, select.limit() - done));
            if (page.isEmpty()) break;
            for (var order : page) {
                after = order.number();
                done++;
                results.add(new OrderResult(order.id(), order.displayNumber(), one(run, order, progress(after, done),
                        checkpoint)));
            }
        }
        return new Summary(results, null);
    }

    private String one(ScheduledRun run, ScheduledSelection.Selected order, JsonObject reached,
                       ScheduledRuleSteps.Checkpoint checkpoint) {
        try {
            return steps.onOrder(run, order.id(), reached, checkpoint);
        } catch (ProblemException rejected) {
            steps.skip(reached, checkpoint);
            return "REJECTED";
        }
    }

    private static JsonObject progress(long after, int done) {
        return Json.createObjectBuilder().add("after", after).add("done", done).build();
    }

    private static long number(JsonObject progress, String name) {
        return progress != null && progress.get(name) instanceof JsonNumber n ? n.longValue() : 0;
    }
}
