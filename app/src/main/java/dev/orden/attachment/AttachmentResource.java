package dev.orden.attachment;

import dev.orden.identity.Role;
import dev.orden.shared.problem.Problem;
import dev.orden.shared.problem.ProblemException;
import dev.orden.shared.problem.ProblemType;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Files on an order and its comments. An upload is the file itself as the request body (any content type but
 * multipart), its name in {@code filename} or {@code Content-Disposition}; it is streamed, never held whole.
 */
@Path("workorders/{ref}/attachments")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
@RolesAllowed({Role.Names.TENANT_ADMIN, Role.Names.DISPATCHER, Role.Names.AGENT, Role.Names.REQUESTER})
public class AttachmentResource {

    @Inject
    AttachmentService service;

    @Inject
    Stores stores;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Upload a file to the order (or to one of its comments: comment=<id>); staff may add visibility=internal. 413 over the size limit or the tenant's quota, 415 for a type the content does not show or the tenant does not accept, 422 when a scanner refuses it; nothing is stored then")
    public Response upload(@PathParam("ref") String reference, @QueryParam("comment") String comment,
                           @QueryParam("visibility") String visibility, @QueryParam("filename") String fileName,
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
        var upload = new AttachmentService.Upload(reference, uuid(comment, "comment"), internal(visibility), name,
                contentType, parseLength(length), body);
        try {
            var attachment = service.upload(upload);
            var view = AttachmentView.of(attachment, reference);
            return Response.created(java.net.URI.create(view.href())).entity(view).build();
        } catch (AttachmentService.Refused refused) {
            service.recordRefusal(refused);
            throw new ProblemException(Problem.of(ProblemType.CONTENT_REFUSED, "The file " + name + " was refused: "
                    + refused.why + "; nothing was stored",
                    List.of(new dev.orden.shared.problem.FieldError("file", refused.why))));
        }
    }

    @GET
    @Operation(summary = "The order's attachments the caller may see (requesters: the public ones), oldest first; comment=<id> for one comment's")
    public List<AttachmentView> list(@PathParam("ref") String reference, @QueryParam("comment") String comment) {
        return service.list(reference, uuid(comment, "comment")).stream()
                .map(a -> AttachmentView.of(a, reference)).toList();
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "Download a file: its own type, nosniff, inline only for raster images (download=true: always as attachment); one byte range with Range")
    public Response download(@PathParam("ref") String reference, @PathParam("id") String id,
                             @QueryParam("download") boolean asAttachment, @HeaderParam("Range") String range,
                             @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        var download = service.download(reference, uuid(id, "id"));
        return Downloads.response(download, range, ifNoneMatch, asAttachment, stores);
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Remove a file: who uploaded it, or staff")
    public Response delete(@PathParam("ref") String reference, @PathParam("id") String id) {
        service.delete(reference, uuid(id, "id"));
        return Response.noContent().build();
    }

    private static boolean internal(String visibility) {
        if (visibility == null || visibility.isBlank() || visibility.equalsIgnoreCase("public")) return false;
        if (visibility.equalsIgnoreCase("internal")) return true;
        throw ProblemException.invalid("visibility", "must be public or internal");
    }

    private static long parseLength(String length) {
        try {
            return length == null ? -1 : Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** An id that is no UUID names nothing: 404 for a path segment, 422 for a parameter. */
    private static UUID uuid(String value, String field) {
        if (value == null || value.isBlank()) return null;
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            if (field.equals("id")) throw ProblemException.notFound("Attachment " + value);
            throw ProblemException.invalid(field, "is not an id");
        }
    }
}
