package dev.orden.notification;

import dev.orden.shared.persistence.NullableUuidConverter;
import dev.orden.shared.persistence.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One in-app notification for one recipient; only its read time ever changes. */
@Entity
@Table(name = "notification")
public class Notification extends TenantOwned {

    @Column(name = "recipient_id", nullable = false, updatable = false)
    private String recipientId;

    @Column(nullable = false, updatable = false)
    private String kind;

    @Convert(converter = NullableUuidConverter.class)
    @Column(name = "work_order_id", updatable = false)
    private UUID workOrderId;

    @Column(name = "order_number", updatable = false)
    private String orderNumber;

    @Column(nullable = false, updatable = false)
    private String title;

    @Column(nullable = false, updatable = false)
    private String body;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "read_at")
    private Instant readAt;

    protected Notification() {}

    public Notification(String recipientId, String kind, UUID workOrderId, String orderNumber, String title,
                        String body) {
        super(UUID.randomUUID());
        this.recipientId = recipientId;
        this.kind = kind;
        this.workOrderId = workOrderId;
        this.orderNumber = orderNumber;
        this.title = title;
        this.body = body;
        this.createdAt = Instant.now();
    }

    void markRead() {
        if (readAt == null) readAt = Instant.now();
    }

    public String recipientId() { return recipientId; }
    public String kind() { return kind; }
    public UUID workOrderId() { return workOrderId; }
    public String orderNumber() { return orderNumber; }
    public String title() { return title; }
    public String body() { return body; }
    public Instant createdAt() { return createdAt; }
    public Instant readAt() { return readAt; }
}
