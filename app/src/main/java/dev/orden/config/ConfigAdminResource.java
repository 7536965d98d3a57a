package dev.orden.config;

import dev.orden.identity.Role;
import dev.orden.shared.problem.ProblemException;
import dev.orden.tenant.TenantContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import dev.orden.shared.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The tenant administrator's view of the configuration: the active bundle, the history of versions, the draft,
 * and the moves between them. Another tenant's versions do not exist here (404).
 */
@Path("admin/config")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
@RolesAllowed(Role.Names.TENANT_ADMIN)
public class ConfigAdminResource {

    private static final MediaType ZIP = new MediaType("application", "zip");
    private static final String IMPORT = "Make a bundle document, or a zip of its files (application/zip), as "
            + "exported, the draft; same answer as PUT draft. A zip entry outside the layout, of bad JSON or past the "
            + "limits is a 422 naming it";

    @Inject
    ConfigService service;

    @Inject
    TenantContext context;

    @GET
    @Operation(summary = "The active configuration bundle and its version")
    public JsonObject active() {
        return ConfigViews.active(service.active());
    }

    @GET
    @Path("versions")
    @Operation(summary = "Every version, newest first, with status, author and times (no bundles)")
    public JsonArray versions() {
        var activeVersion = activeVersionOrNull();
        var list = Json.createArrayBuilder();
        service.versions().forEach(v -> list.add(ConfigViews.summary(v, activeVersion)));
        return list.build();
    }

    @GET
    @Path("versions/{n}")
    @Operation(summary = "One version with its bundle")
    public JsonObject version(@PathParam("n") int number) {
        return ConfigViews.withBundle(service.version(number), activeVersionOrNull());
    }

    @GET
    @Path("draft")
    @Operation(summary = "The draft with its validation verdict")
    public JsonObject draft() {
        return ConfigViews.draft(service.draft());
    }

    @PUT
    @Path("draft")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace the draft with a whole bundle; stored even when invalid, with the errors listed")
    public JsonObject saveDraft(String body) {
        return ConfigViews.draft(service.saveDraft(ConfigBundles.fromRequest(body)));
    }

    @PUT
    @Path("draft/{part}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace one part of the draft (fields, types, forms, workflows, areas, teams, assignment, "
            + "sla, settings, notifications, reminders or rules)")
    public JsonObject saveDraftPart(@PathParam("part") String part, String body) {
        if (!ConfigBundles.PARTS.contains(part)) {
            throw ProblemException.invalid("part", "must be one of " + ConfigBundles.PARTS);
        }
        return ConfigViews.draft(service.saveDraftPart(part, ConfigBundles.partFromRequest(part, body)));
    }

    @POST
    @Path("draft/validate")
    @Operation(summary = "Validate the draft: 200 when valid, else 422 listing every error by JSON pointer")
    public JsonObject validateDraft() {
        var checked = service.draft();
        if (!checked.validation().valid()) throw ProblemException.invalid(checked.validation().errors());
        return Json.createObjectBuilder().add("version", checked.version().version()).add("valid", true)
                .add("errors", Json.createArrayBuilder()).build();
    }

    @POST
    @Path("draft/publish")
    @Operation(summary = "Publish the draft atomically and make it active; an invalid draft is refused (422). "
            + "An optional body {\"note\": \"…\"} (≤ 500 characters) says what changed, shown in the version list")
    public JsonObject publish(String body) {
        var published = service.publishDraft(ConfigBundles.noteFromRequest(body));
        return ConfigViews.summary(published, published.version()).build();
    }

    @POST
    @Path("versions/{n}/rollback")
    @Operation(summary = "Publish a new version with version n's bundle and make it active")
    public JsonObject rollback(@PathParam("n") int number) {
        var published = service.rollback(number);
        return ConfigViews.summary(published, published.version()).build();
    }

    @GET
    @Path("diff")
    @Operation(summary = "RFC 6902 JSON Patch turning version `from` into version `to`")
    @Produces({"application/json-patch+json", MediaType.APPLICATION_JSON})
    public JsonArray diff(@QueryParam("from") Integer from, @QueryParam("to") Integer to) {
        if (from == null) throw ProblemException.invalid("from", "is required");
        if (to == null) throw ProblemException.invalid("to", "is required");
        return service.diff(from, to);
    }

    @GET
    @Path("export")
    @Produces({MediaType.APPLICATION_JSON, BundleZip.MEDIA_TYPE})
    @Operation(summary = "The active bundle to download: one JSON document, or with Accept: application/zip (or "
            + "format=zip) a zip of its files in the tenant-config folder layout")
    public Response export(@QueryParam("format") String format, @Context HttpHeaders headers) {
        var active = service.active();
        var zip = wantsZip(format, headers);
        var file = "orden-config-" + context.tenant().slug() + "-v" + active.version() + (zip ? ".zip" : ".json");
        var entity = zip ? BundleZip.write(active.bundle()) : active.bundle();
        return Response.ok(entity, zip ? BundleZip.MEDIA_TYPE : MediaType.APPLICATION_JSON)
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"")
                .build();
    }

    @POST
    @Path("import")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = IMPORT)
    public JsonObject importBundle(String body) {
        return saveDraft(body);
    }

    @POST
    @Path("import")
    @Consumes({BundleZip.MEDIA_TYPE, BundleZip.MEDIA_TYPE_WINDOWS})
    @Operation(summary = IMPORT)
    public JsonObject importZip(InputStream body) {
        return ConfigViews.draft(service.saveDraft(BundleZip.read(body)));
    }

    /** JSON unless asked for a zip: by {@code format}, else by the first acceptable type that is either. */
    private static boolean wantsZip(String format, HttpHeaders headers) {
        if (format != null) {
            return switch (format) {
                case "zip" -> true;
                case "json" -> false;
                default -> throw ProblemException.invalid("format", "must be json or zip");
            };
        }
        for (var type : headers.getAcceptableMediaTypes()) {
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) return false;
            if (type.isCompatible(ZIP)) return true;
        }
        return false;
    }

    private Integer activeVersionOrNull() {
        return service.activeVersion().orElse(null);
    }
}
