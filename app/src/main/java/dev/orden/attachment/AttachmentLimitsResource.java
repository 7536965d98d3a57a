package dev.orden.attachment;

import dev.orden.identity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** What the caller's tenant accepts, so that a client can refuse a file before sending it. */
@Path("attachments/limits")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
@RolesAllowed({Role.Names.TENANT_ADMIN, Role.Names.DISPATCHER, Role.Names.AGENT, Role.Names.REQUESTER})
public class AttachmentLimitsResource {

    @Inject
    AttachmentService service;

    @GET
    @Operation(summary = "The tenant's attachment limits: maxFileSize, allowedTypes; for staff also quota and used (bytes)")
    public Map<String, Object> limits() {
        return service.limits();
    }
}
