package dev.orden.workorder;

import dev.orden.shared.persistence.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A note on a work order: public (the requester sees it) or internal (staff only). */
@Entity
@Table(name = "work_order_comment")
public class Comment extends TenantOwned {

    @Column(name = "work_order_id", nullable = false, updatable = false)
    private UUID workOrderId;

    @Column(name = "author_id", nullable = false, updatable = false)
    private String authorId;

    @Column(name = "author_name", updatable = false)
    private String authorName;

    @Column(nullable = false, updatable = false)
    private String body;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Visibility visibility;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected Comment() {}

    Comment(UUID workOrderId, Actor author, String body, Visibility visibility) {
        super(UUID.randomUUID());
        this.workOrderId = workOrderId;
        this.authorId = author.id();
        this.authorName = author.name();
        this.body = body;
        this.visibility = visibility;
        this.createdAt = MonotonicClock.now();
    }

    /** The history entry that records this comment. */
    WorkOrderEvent asEvent() {
        return new WorkOrderEvent(workOrderId, new Actor(authorId, authorName), EventKind.COMMENTED, null, null,
                null, body, visibility);
    }

    public UUID workOrderId() {
        return workOrderId;
    }

    public String authorId() {
        return authorId;
    }

    public String authorName() {
        return authorName;
    }

    public String body() {
        return body;
    }

    public Visibility visibility() {
        return visibility;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
