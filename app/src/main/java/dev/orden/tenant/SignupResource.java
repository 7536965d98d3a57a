package dev.orden.tenant;

import dev.orden.ratelimit.Limited;
import dev.orden.ratelimit.RateLimit;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import dev.orden.shared.problem.ProblemException;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("signup")
@PermitAll
@Limited(RateLimit.SIGNUP)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class SignupResource {

    public record SignupResult(String tenantId, String slug, String name, String adminEmail, String loginRealm) {}

    @Inject
    TenantProvisioning provisioning;

    @Inject
    Validator validator;

    @POST
    @Operation(summary = "Sign a company up: its tenant, Keycloak organization and first admin, all or nothing")
    public Response signUp(SignupRequest request) {
        if (request == null) throw ProblemException.invalid("body", "a JSON object is required");
        var violations = validator.validate(request);
        if (!violations.isEmpty()) throw new ConstraintViolationException(violations);
        var tenant = provisioning.signUp(request);
        return Response.created(URI.create("me"))
                .entity(new SignupResult(tenant.id().toString(), tenant.slug(), tenant.name(), request.adminEmail(),
                        "orden"))
                .build();
    }
}
