package dev.orden.audit;

import dev.orden.config.ConfigVersion;
import dev.orden.config.ConfigurationActivated;
import dev.orden.shared.persistence.TenantEntityManager;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import dev.orden.shared.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Audits every activation of a configuration after the first (the sign-up's): a publish or a rollback with the
 * parts it changed and its JSON Patch against the version active before, and one {@code plugin.enabled} or
 * {@code plugin.disabled} entry per plugin it turns on or off ({@link PluginSelection}). Runs inside the activating
 * transaction (the event is synchronous), so the entries commit with the change or not at all.
 */
@ApplicationScoped
class ConfigAudit {

    private static final String ROLLBACK_NOTE = "Rollback to version ";

    @Inject
    TenantEntityManager tenantEm;

    @Inject
    AuditEvents audit;

    void activated(@Observes ConfigurationActivated event) {
        var previous = previousPublished(event);
        if (previous.isEmpty()) return;
        var before = bundle(previous.get());
        var made = tenantEm.bind(event.tenantId()).find(ConfigVersion.class, event.version());
        var note = made == null ? null : made.note();
        var rollback = note != null && note.startsWith(ROLLBACK_NOTE);
        var diff = AuditDiffs.configuration(before, event.bundle());
        var parts = AuditDiffs.strings(diff.get("parts"));
        var summary = (rollback ? note : "Published version " + event.version()) + " (was " + previous.get().version()
                + "); changed: " + (parts.isEmpty() ? "nothing" : String.join(", ", parts));
        audit.record(AuditEvent.of(rollback ? "config.rolled_back" : "config.published", "config",
                String.valueOf(event.version()), "Version " + event.version(), summary)
                .withDiff(Json.createObjectBuilder(diff).add("fromVersion", previous.get().version())
                        .add("toVersion", event.version()).build()));
        plugins(event.version(), before, event.bundle());
    }

    private void plugins(int version, JsonObject before, JsonObject after) {
        var was = PluginSelection.enabled(before);
        var now = PluginSelection.enabled(after);
        var all = new TreeSet<>(was);
        all.addAll(now);
        for (var plugin : all) {
            boolean on = now.contains(plugin);
            if (was.contains(plugin) == on) continue;
            audit.record(AuditEvent.of(on ? "plugin.enabled" : "plugin.disabled", "plugin", plugin, plugin,
                    (on ? "Enabled " : "Disabled ") + plugin + " in configuration version " + version)
                    .change(Json.createObjectBuilder().add("enabled", !on).build(),
                            Json.createObjectBuilder().add("enabled", on).add("configVersion", version).build()));
        }
    }

    /** The version active before this one: history is linear, so the newest published version below it. */
    private Optional<ConfigVersion> previousPublished(ConfigurationActivated event) {
        return tenantEm.bind(event.tenantId()).createQuery("""
                        SELECT v FROM ConfigVersion v WHERE v.version < :version AND v.status = :published
                        ORDER BY v.version DESC""", ConfigVersion.class)
                .setParameter("version", event.version())
                .setParameter("published", ConfigVersion.Status.PUBLISHED)
                .setMaxResults(1).getResultStream().findFirst();
    }

    private static JsonObject bundle(ConfigVersion version) {
        try (var reader = Json.createReader(new StringReader(version.bundle()))) {
            return reader.readObject();
        }
    }
}
