package dev.orden.attachment;

import java.time.Instant;

/** An attachment as the API shows it; {@code href} downloads it (same authorisation as the order). */
public record AttachmentView(String id, String name, String contentType, long size, String sha256, String visibility,
                             String commentId, Uploader uploadedBy, Instant createdAt, boolean inline, String href) {

    public record Uploader(String id, String name) {}

    static AttachmentView of(Attachment a, String orderReference) {
        return new AttachmentView(a.id().toString(), a.fileName(), a.contentType(), a.size(), a.sha256(),
                a.visibility().name(), a.commentId() == null ? null : a.commentId().toString(),
                new Uploader(a.uploadedBy(), a.uploadedByName()), a.createdAt(),
                AttachmentSettings.INLINE_TYPES.contains(a.contentType()),
                "/api/v1/workorders/" + orderReference + "/attachments/" + a.id());
    }
}
