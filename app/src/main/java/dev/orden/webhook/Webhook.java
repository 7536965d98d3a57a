package dev.orden.webhook;

import dev.orden.shared.persistence.JsonbTextConverter;
import dev.orden.shared.persistence.TenantOwned;
import dev.orden.shared.json.Json;
import jakarta.json.JsonString;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * A tenant's subscription: events of its orders posted to {@code url}, signed with a secret only the receiver and
 * this server know. The failure counter and automatic disabling are written by the delivery itself (see
 * {@link Webhooks#recordOutcome}), with SQL, so that concurrent deliveries count right.
 */
@Entity
@Table(name = "webhook")
public class Webhook extends TenantOwned {

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String url;

    @Convert(converter = JsonbTextConverter.class)
    @Column(nullable = false)
    private String events;

    @Column(nullable = false)
    private boolean active;

    @Column(nullable = false)
    private String secret;

    @Column(name = "previous_secret")
    private String previousSecret;

    @Column(name = "previous_secret_until")
    private Instant previousSecretUntil;

    @Column(name = "consecutive_failures", nullable = false)
    private int consecutiveFailures;

    @Column(name = "disabled_reason")
    private String disabledReason;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Webhook() {}

    Webhook(String name, String url, Collection<String> events, boolean active, String sealedSecret) {
        super(UUID.randomUUID());
        this.name = name;
        this.url = url;
        this.events = json(events);
        this.active = active;
        this.secret = sealedSecret;
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    void rename(String name) {
        this.name = name;
        touch();
    }

    void pointTo(String url) {
        this.url = url;
        touch();
    }

    void subscribe(Collection<String> events) {
        this.events = json(events);
        touch();
    }

    /** Turning a webhook on again starts its failure count afresh. */
    void activate(boolean active) {
        if (active && !this.active) {
            consecutiveFailures = 0;
            disabledReason = null;
        }
        this.active = active;
        touch();
    }

    /** The new secret signs from now on; the old one too until {@code overlapUntil}. */
    void rotate(String sealedSecret, Instant overlapUntil) {
        this.previousSecret = secret;
        this.previousSecretUntil = overlapUntil;
        this.secret = sealedSecret;
        touch();
    }

    private void touch() {
        updatedAt = Instant.now();
    }

    private static String json(Collection<String> events) {
        var array = Json.createArrayBuilder();
        events.forEach(array::add);
        return array.build().toString();
    }

    public String name() { return name; }
    public String url() { return url; }
    public boolean active() { return active; }
    public int consecutiveFailures() { return consecutiveFailures; }
    public String disabledReason() { return disabledReason; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    String sealedSecret() { return secret; }

    /** The previous secret while it still signs, else null. */
    String sealedPreviousSecret(Instant now) {
        return previousSecret != null && previousSecretUntil != null && now.isBefore(previousSecretUntil)
                ? previousSecret : null;
    }

    Instant previousSecretUntil() { return previousSecretUntil; }

    public List<String> events() {
        try (var reader = Json.createReader(new StringReader(events))) {
            var list = new ArrayList<String>();
            reader.readArray().getValuesAs(JsonString.class).forEach(s -> list.add(s.getString()));
            return list;
        }
    }

    boolean subscribes(String event) {
        return events().contains(event);
    }
}
