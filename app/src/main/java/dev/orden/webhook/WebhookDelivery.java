package dev.orden.webhook;

import dev.orden.shared.persistence.JsonbTextConverter;
import dev.orden.shared.persistence.NullableUuidConverter;
import dev.orden.shared.persistence.TenantOwned;
import dev.orden.shared.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.StringReader;
import java.time.Instant;
import java.util.UUID;

/**
 * One event for one webhook. Its id is the idempotency key receivers see on every attempt, and {@code body} the
 * exact bytes each attempt posts (only the signature's timestamp changes).
 */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery extends TenantOwned {

    enum Status { PENDING, DELIVERED, FAILED }

    /** Attempts kept in the log of one delivery; the count goes on past it. */
    static final int MAX_LOGGED_ATTEMPTS = 50;

    @Column(name = "webhook_id", nullable = false, updatable = false)
    private UUID webhookId;

    @Column(nullable = false, updatable = false)
    private String event;

    @Convert(converter = NullableUuidConverter.class)
    @Column(name = "work_order_id", updatable = false)
    private UUID workOrderId;

    @Column(nullable = false, updatable = false)
    private String body;

    @Column(nullable = false)
    private String status;

    @Column(name = "attempt_count", nullable = false)
    private int attemptCount;

    @Convert(converter = JsonbTextConverter.class)
    @Column(nullable = false)
    private String attempts;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "last_status_code")
    private Integer lastStatusCode;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "completed_at")
    private Instant completedAt;

    protected WebhookDelivery() {}

    WebhookDelivery(UUID id, UUID webhookId, String event, UUID workOrderId, String body, Instant createdAt) {
        super(id);
        this.webhookId = webhookId;
        this.event = event;
        this.workOrderId = workOrderId;
        this.body = body;
        this.status = Status.PENDING.name();
        this.attempts = "[]";
        this.createdAt = createdAt;
        this.nextAttemptAt = createdAt;
    }

    /** Logs the attempt and moves to what the verdict says; returns its number. */
    int record(Attempt attempt, Instant at, Attempt.Verdict verdict) {
        attemptCount++;
        var log = attemptLog();
        var entry = Json.createObjectBuilder().add("number", attemptCount).add("at", at.toString())
                .add("durationMillis", attempt.durationMillis());
        if (attempt.statusCode() != null) entry.add("statusCode", attempt.statusCode());
        if (attempt.error() != null) entry.add("error", attempt.error());
        var kept = Json.createArrayBuilder();
        log.stream().skip(Math.max(0, log.size() - (MAX_LOGGED_ATTEMPTS - 1))).forEach(kept::add);
        attempts = kept.add(entry).build().toString();
        lastStatusCode = attempt.statusCode();
        lastError = attempt.error();
        switch (verdict) {
            case Attempt.Verdict.Delivered d -> finish(Status.DELIVERED, at);
            case Attempt.Verdict.Failed f -> {
                lastError = f.why();
                finish(Status.FAILED, at);
            }
            case Attempt.Verdict.Retry r -> nextAttemptAt = r.at();
        }
        return attemptCount;
    }

    /** Given up on without an attempt (the webhook was disabled or deleted meanwhile). */
    void abandon(String why, Instant at) {
        lastError = why;
        finish(Status.FAILED, at);
    }

    /** Sent again, on an admin's request: pending once more, with the same id and body. */
    void redeliver(Instant at) {
        status = Status.PENDING.name();
        nextAttemptAt = at;
        completedAt = null;
    }

    private void finish(Status status, Instant at) {
        this.status = status.name();
        this.completedAt = at;
        this.nextAttemptAt = null;
    }

    public UUID webhookId() { return webhookId; }
    public String event() { return event; }
    public UUID workOrderId() { return workOrderId; }
    public String body() { return body; }
    public Status status() { return Status.valueOf(status); }
    public int attemptCount() { return attemptCount; }
    public Instant nextAttemptAt() { return nextAttemptAt; }
    public Integer lastStatusCode() { return lastStatusCode; }
    public String lastError() { return lastError; }
    public Instant createdAt() { return createdAt; }
    public Instant completedAt() { return completedAt; }

    public JsonArray attemptLog() {
        try (var reader = Json.createReader(new StringReader(attempts))) {
            return reader.readArray();
        }
    }

    JsonObject bodyJson() {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }
}
