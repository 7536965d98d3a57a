package dev.orden.attachment;

import dev.orden.identity.Role;
import dev.orden.shared.problem.FieldError;
import dev.orden.shared.problem.Problem;
import dev.orden.shared.problem.ProblemException;
import dev.orden.shared.problem.ProblemType;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Staged uploads: a file sent before the order it is for exists (docs/attachments.md). Sent as an attachment is,
 * checked the same way; a create request's attachment field names it by the id this answers.
 */
@Path("uploads")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
@RolesAllowed({Role.Names.TENANT_ADMIN, Role.Names.DISPATCHER, Role.Names.AGENT, Role.Names.REQUESTER})
public class UploadResource {

    /** What a staged upload shows its user; {@code id} goes into the create request as {@code {"upload": id}}. */
    public record UploadView(String id, String name, String contentType, long size, String sha256,
                             Instant expiresAt) {}

    @Inject
    StagedUploads uploads;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Stage a file for an order not created yet (a new-order form's attachment field): the same body, name, checks and limits as an order's attachment; expires unused after orden.attachments.upload-ttl (24 h)")
    public Response upload(@QueryParam("filename") String fileName,
                           @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                           @HeaderParam("Content-Disposition") String disposition,
                           @HeaderParam(HttpHeaders.CONTENT_LENGTH) String length, InputStream body) {
        var name = FileNames.clean(FileNames.fromUpload(fileName, disposition));
        if (name.isEmpty()) {
            throw ProblemException.invalid("filename", "name the file: ?filename= or Content-Disposition filename*");
        }
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "Send the file itself as the body, with its own Content-Type, not a multipart form");
        }
        var upload = new AttachmentService.Upload(null, null, false, name, contentType, parseLength(length), body);
        try {
            var staged = uploads.stage(upload);
            var view = new UploadView(staged.id().toString(), staged.fileName(), staged.contentType(), staged.size(),
                    staged.sha256(), staged.expiresAt());
            return Response.created(URI.create("/api/v1/uploads/" + view.id())).entity(view).build();
        } catch (AttachmentService.Refused refused) {
            throw new ProblemException(Problem.of(ProblemType.CONTENT_REFUSED, "The file " + name + " was refused: "
                    + refused.why + "; nothing was stored", List.of(new FieldError("file", refused.why))));
        }
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Remove one of the caller's staged uploads (a file taken out of the form before sending it)")
    public Response delete(@PathParam("id") String id) {
        UUID upload;
        try {
            upload = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("Upload " + id);
        }
        uploads.discard(upload);
        return Response.noContent().build();
    }

    private static long parseLength(String length) {
        try {
            return length == null ? -1 : Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
