package dev.orden.attachment;

import dev.orden.schedule.Jobs;
import dev.orden.shared.persistence.TenantEntityManager;
import dev.orden.shared.problem.FieldError;
import dev.orden.shared.problem.ProblemException;
import dev.orden.tenant.TenantContext;
import dev.orden.workorder.OrderAttachments;
import dev.orden.workorder.OrderAttachments.OrderRef;
import dev.orden.workorder.Visibility;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import dev.orden.shared.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Files sent before their order exists. A create request names them in its attachment fields as
 * {@code {"upload": "<id>"}}; {@link #claim} checks that each is the caller's own and still there, and rewrites the
 * value to what is stored, {@code {"id": "<attachment id>", "name": "<file name>"}}; {@link #link} then makes each
 * one an attachment of the new order in the same transaction. Another user's or tenant's id reads exactly as an
 * unknown one. A change of an existing order may also keep or name the order's own public files,
 * {@code {"id": "<attachment id>"}}: any other id (another order's, another tenant's, unknown) reads as unknown.
 */
@ApplicationScoped
@Transactional
public class StagedUploads {

    static final String JOB_KIND = "attachment.upload-expiry";

    private static final java.util.Set<String> FILE_MEMBERS = java.util.Set.of("id", "name");

    /** The values of a create request's custom fields as they will be stored, and the uploads they take. */
    public record Claims(JsonObject customFields, List<Claim> claims) {}

    /** One staged upload, becoming the attachment {@code attachmentId}. */
    public record Claim(UUID attachmentId, StagedUpload upload) {}

    @Inject
    AttachmentService attachments;

    @Inject
    OrderAttachments orders;

    @Inject
    TenantEntityManager tenantEm;

    @Inject
    TenantContext context;

    @Inject
    Jobs jobs;

    @Inject
    @ConfigProperty(name = "orden.attachments.upload-ttl", defaultValue = "PT24H")
    Duration ttl;

    StagedUpload stage(AttachmentService.Upload upload) {
        var stored = attachments.stage(upload);
        var user = context.user();
        var expires = Instant.now().plus(ttl);
        var staged = new StagedUpload(UUID.randomUUID(), stored.file(), stored.store(), user.id(),
                user.displayName(), expires);
        tenantEm.em().persist(staged);
        jobs.schedule(JOB_KIND, staged.id().toString(), expires.toString(),
                Json.createObjectBuilder().add("upload", staged.id().toString()).build(), expires);
        tenantEm.em().flush();
        return staged;
    }

    /** The caller's own upload, not yet used; 404 for any other. */
    void discard(UUID id) {
        var staged = own(id).orElseThrow(() -> ProblemException.notFound("Upload " + id));
        remove(staged);
    }

    /**
     * Reads the upload references in {@code keys}' values: 422 on {@code customFields.<key>} for a reference that is
     * malformed, not the caller's, expired or named twice. Locks the uploads, so two requests cannot both take one.
     */
    public Claims claim(JsonObject customFields, Collection<String> keys) {
        return claim(null, customFields, keys);
    }

    /**
     * As {@link #claim(JsonObject, Collection)}, for a change of {@code order}: a value may also name one of the
     * order's own public files by its id; its name is the stored one, whatever the request says.
     */
    public Claims claim(OrderRef order, JsonObject customFields, Collection<String> keys) {
        var values = Json.createObjectBuilder(customFields);
        var claims = new ArrayList<Claim>();
        var errors = new ArrayList<FieldError>();
        var seen = new HashSet<UUID>();
        for (var key : keys) {
            var value = customFields.get(key);
            if (value == null || value.getValueType() == JsonValue.ValueType.NULL) continue;
            var items = value instanceof JsonArray array ? array : List.of(value);
            var stored = Json.createArrayBuilder();
            for (var item : items) {
                var problem = order != null && isFileReference(item) ? keepOne(order, item, seen, stored)
                        : claimOne(item, seen, claims, stored, order != null);
                if (problem != null) errors.add(new FieldError("customFields." + key, problem));
            }
            var array = stored.build();
            values.add(key, value instanceof JsonArray || array.size() != 1 ? array : array.getFirst());
        }
        if (!errors.isEmpty()) throw ProblemException.invalid(errors);
        return new Claims(values.build(), claims);
    }

    /** Each claimed upload becomes an attachment of the order (same store and key), with its history entry. */
    public void link(OrderRef order, Claims claims) {
        var em = tenantEm.em();
        for (var claim : claims.claims()) {
            var upload = claim.upload();
            em.persist(new Attachment(claim.attachmentId(), order.id(), null, upload.file(), Visibility.PUBLIC,
                    upload.store(), upload.uploadedBy(), upload.uploadedByName()));
            em.remove(upload);
            orders.added(order, upload.fileName(), Sizes.history(upload.size()), Visibility.PUBLIC);
        }
        em.flush();
    }

    /** The scheduler's job at an upload's expiry: removes it and its bytes if no order took it. */
    void expire(UUID id) {
        var staged = tenantEm.em().find(StagedUpload.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (staged == null) return;
        if (staged.expiresAt().isAfter(Instant.now())) {
            throw new IllegalStateException("Upload " + id + " expires only at " + staged.expiresAt());
        }
        remove(staged);
    }

    private String claimOne(JsonValue item, java.util.Set<UUID> seen, List<Claim> claims, JsonArrayBuilder stored,
                            boolean orderExists) {
        if (!(item instanceof JsonObject object && object.size() == 1
                && object.get("upload") instanceof JsonString reference)) {
            return "name each file by its upload, {\"upload\": \"<id>\"} from POST /api/v1/uploads"
                    + (orderExists ? ", or as one of the order's files, {\"id\": \"<attachment id>\"}" : "");
        }
        var problem = claimUpload(reference, seen, claims);
        if (problem == null) {
            var claimed = claims.getLast();
            stored.add(file(claimed.attachmentId(), claimed.upload().fileName()));
        }
        return problem;
    }

    /** {"id": ...}, with or without the file's name: how a value names a file an order already has. */
    private static boolean isFileReference(JsonValue item) {
        return item instanceof JsonObject object && object.get("id") instanceof JsonString
                && FILE_MEMBERS.containsAll(object.keySet());
    }

    /** One of the order's own public files, kept or named again; anything else reads as unknown. */
    private String keepOne(OrderRef order, JsonValue item, java.util.Set<UUID> seen, JsonArrayBuilder stored) {
        var reference = ((JsonObject) item).getString("id");
        var unknown = "attachment " + reference + " is not a file of " + order.number();
        UUID id;
        try {
            id = UUID.fromString(reference);
        } catch (IllegalArgumentException e) {
            return unknown;
        }
        var attachment = tenantEm.em().find(Attachment.class, id);
        if (attachment == null || !attachment.workOrderId().equals(order.id())) return unknown;
        if (attachment.visibility() != Visibility.PUBLIC) {
            return "attachment " + id + " is internal: a field's files are public, as its value is";
        }
        if (!seen.add(id)) return "attachment " + id + " is named twice";
        stored.add(file(id, attachment.fileName()));
        return null;
    }

    private static JsonObject file(UUID id, String name) {
        return Json.createObjectBuilder().add("id", id.toString()).add("name", name).build();
    }

    private String claimUpload(JsonString reference, java.util.Set<UUID> seen, List<Claim> claims) {
        UUID id;
        try {
            id = UUID.fromString(reference.getString());
        } catch (IllegalArgumentException e) {
            return "upload " + reference.getString() + " is not one of your uploads";
        }
        if (!seen.add(id)) return "upload " + id + " is named twice";
        var staged = own(id);
        if (staged.isEmpty()) return "upload " + id + " is not one of your uploads";
        if (!staged.get().expiresAt().isAfter(Instant.now())) {
            return "upload " + id + " has expired: send the file again";
        }
        claims.add(new Claim(UUID.randomUUID(), staged.get()));
        return null;
    }

    /** Row-level security keeps other tenants' rows out; the uploader check keeps other users' out. */
    private Optional<StagedUpload> own(UUID id) {
        return Optional.ofNullable(tenantEm.em().find(StagedUpload.class, id, LockModeType.PESSIMISTIC_WRITE))
                .filter(staged -> staged.uploadedBy().equals(context.user().id()));
    }

    private void remove(StagedUpload staged) {
        tenantEm.em().remove(staged);
        attachments.discard(staged.store(), staged.storageKey());
        tenantEm.em().flush();
    }
}
