package dev.orden.shared.problem;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.util.ArrayList;

/** Query parameters are untrusted text too ({@link UntrustedText}): a NUL in a filter is a 422, not a failed query. */
@Provider
@PreMatching
@Priority(Priorities.USER)
public class QueryTextGuard implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        var errors = new ArrayList<FieldError>();
        request.getUriInfo().getQueryParameters().forEach((name, values) -> {
            var nameProblem = UntrustedText.problemOf(name);
            if (nameProblem != null) {
                errors.add(new FieldError("query parameter", "name " + nameProblem));
                return;
            }
            values.stream().map(UntrustedText::problemOf).filter(p -> p != null).findFirst()
                    .ifPresent(problem -> errors.add(new FieldError(name, problem)));
        });
        if (!errors.isEmpty()) throw ProblemException.invalid(errors);
    }
}
