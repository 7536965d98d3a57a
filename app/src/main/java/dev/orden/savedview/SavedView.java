package dev.orden.savedview;

import dev.orden.shared.persistence.JsonbTextConverter;
import dev.orden.shared.persistence.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A person's named queue and filters in the portal; only its owner ever reads or changes it. */
@Entity
@Table(name = "saved_view")
public class SavedView extends TenantOwned {

    @Column(name = "user_id", nullable = false, updatable = false)
    private String userId;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String queue;

    @Convert(converter = JsonbTextConverter.class)
    @Column(nullable = false)
    private String filters;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected SavedView() {}

    SavedView(String userId, SavedViewInput input) {
        super(UUID.randomUUID());
        this.userId = userId;
        this.createdAt = Instant.now();
        change(input);
    }

    void change(SavedViewInput input) {
        this.name = input.name();
        this.queue = input.queue();
        this.filters = input.filters().toString();
        this.updatedAt = Instant.now();
    }

    String userId() { return userId; }
    public String name() { return name; }
    public String queue() { return queue; }
    public String filters() { return filters; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
}
