package dev.orden.porting;

import dev.orden.shared.persistence.TenantEntityManager;
import dev.orden.tenant.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import dev.orden.shared.json.Json;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import java.io.OutputStream;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The caller's whole tenant as one JSON document, written as it is read (orders through a cursor, each with its
 * history and comments): the tenant, its members, every configuration version and the active one, then the orders.
 * People are named by e-mail ({@code {email, name}}) so that another Orden can map them to its own users; actors
 * that are not members (rules, the scheduler, the system) keep their id. Order, history and comment ids are kept.
 * Not included: SLA clocks and their jobs, notifications, webhooks and rule traces.
 */
@ApplicationScoped
public class TenantExporter {

    static final String FORMAT = "orden-tenant-export";
    static final int FORMAT_VERSION = 1;

    @Inject
    TenantEntityManager tenantEm;

    @Inject
    TenantContext context;

    @Inject
    Event<DataPorted> ported;

    @Inject
    LongTransaction transaction;

    public void write(OutputStream out) {
        transaction.run(() -> writing(out));
    }

    private Void writing(OutputStream out) {
        var connection = tenantEm.em().unwrap(Connection.class);
        var tenant = context.tenant();
        try (var json = Json.createGenerator(out)) {
            json.writeStartObject()
                    .write("format", FORMAT).write("formatVersion", FORMAT_VERSION)
                    .write("exportedAt", Instant.now().toString())
                    .writeStartObject("tenant").write("slug", tenant.slug()).write("name", tenant.name())
                    .write("createdAt", tenant.createdAt().toString()).writeEnd();
            var people = members(connection, json);
            configVersions(connection, json, people);
            long orders = orders(connection, json, people);
            json.writeEnd();
            json.flush();
            var user = context.user();
            ported.fire(new DataPorted(context.tenantId(), user.id(), user.displayName(), "export", orders,
                    Instant.now()));
            return null;
        } catch (SQLException e) {
            throw new IllegalStateException("Exporting the tenant failed: " + e.getMessage(), e);
        }
    }

    /** Writes the members; returns their e-mail and name by user id. */
    private static Map<String, String[]> members(Connection connection, JsonGenerator json) throws SQLException {
        var people = new HashMap<String, String[]>();
        json.writeStartArray("members");
        try (var s = connection.prepareStatement(
                "SELECT id, email, display_name, roles FROM member ORDER BY email, id");
             var rows = s.executeQuery()) {
            while (rows.next()) {
                var email = rows.getString("email").toLowerCase(java.util.Locale.ROOT);
                people.put(rows.getString("id"), new String[] {email, rows.getString("display_name")});
                json.writeStartObject().write("email", email);
                text(json, "name", rows.getString("display_name"));
                var roles = Json.createArrayBuilder();
                for (var role : rows.getString("roles").split(",")) if (!role.isBlank()) roles.add(role);
                json.write("roles", roles.build()).writeEnd();
            }
        }
        json.writeEnd();
        return people;
    }

    private static void configVersions(Connection connection, JsonGenerator json, Map<String, String[]> people)
            throws SQLException {
        json.writeStartArray("configVersions");
        try (var s = connection.prepareStatement("""
                SELECT version, status, bundle::text AS bundle, created_by, created_at, published_by, published_at, note
                  FROM config_version ORDER BY version""");
             var rows = s.executeQuery()) {
            while (rows.next()) {
                json.writeStartObject().write("version", rows.getInt("version"))
                        .write("status", rows.getString("status"))
                        .write("bundle", Json.createReader(new StringReader(rows.getString("bundle"))).readObject());
                person(json, "createdBy", rows.getString("created_by"), null, people);
                time(json, "createdAt", rows, "created_at");
                person(json, "publishedBy", rows.getString("published_by"), null, people);
                time(json, "publishedAt", rows, "published_at");
                text(json, "note", rows.getString("note"));
                json.writeEnd();
            }
        }
        json.writeEnd();
        try (var s = connection.prepareStatement("SELECT version FROM tenant_config_active");
             var rows = s.executeQuery()) {
            if (rows.next()) json.write("activeVersion", rows.getInt(1));
        }
    }

    private static long orders(Connection connection, JsonGenerator json, Map<String, String[]> people)
            throws SQLException {
        long count = 0;
        json.writeStartArray("orders");
        try (var s = connection.prepareStatement("""
                SELECT id, number, number_prefix, title, description, type, priority, status, status_category, area,
                       requester_id, requester_name, assignee_id, assignee_name, team, due_at,
                       custom_fields::text AS cf,
                       created_at, created_by, updated_at, completed_by, completed_by_name, completed_at,
                       config_version, version
                  FROM work_order ORDER BY number""")) {
            s.setFetchSize(200);
            try (var rows = s.executeQuery()) {
                while (rows.next()) {
                    order(connection, json, rows, people);
                    count++;
                    if (count % 200 == 0) json.flush();
                }
            }
        }
        json.writeEnd();
        return count;
    }

    private static void order(Connection connection, JsonGenerator json, ResultSet o, Map<String, String[]> people)
            throws SQLException {
        var id = o.getObject("id", UUID.class);
        json.writeStartObject().write("id", id.toString()).write("number", o.getLong("number"))
                .write("numberPrefix", o.getString("number_prefix")).write("title", o.getString("title"));
        text(json, "description", o.getString("description"));
        json.write("type", o.getString("type")).write("priority", o.getString("priority"))
                .write("status", o.getString("status")).write("statusCategory", o.getString("status_category"));
        text(json, "area", o.getString("area"));
        person(json, "requester", o.getString("requester_id"), o.getString("requester_name"), people);
        person(json, "assignee", o.getString("assignee_id"), o.getString("assignee_name"), people);
        text(json, "team", o.getString("team"));
        time(json, "dueAt", o, "due_at");
        json.write("customFields", Json.createReader(new StringReader(o.getString("cf"))).readObject());
        time(json, "createdAt", o, "created_at");
        person(json, "createdBy", o.getString("created_by"), null, people);
        time(json, "updatedAt", o, "updated_at");
        person(json, "completedBy", o.getString("completed_by"), o.getString("completed_by_name"), people);
        time(json, "completedAt", o, "completed_at");
        number(json, "configVersion", o, "config_version");
        json.write("version", o.getInt("version"));
        history(connection, json, id, people);
        comments(connection, json, id, people);
        json.writeEnd();
    }

    private static void history(Connection connection, JsonGenerator json, UUID order, Map<String, String[]> people)
            throws SQLException {
        json.writeStartArray("history");
        try (var s = connection.prepareStatement("""
                SELECT id, occurred_at, actor_id, actor_name, kind, field, old_value, new_value, comment, visibility,
                       config_version
                  FROM work_order_event WHERE work_order_id = ? ORDER BY occurred_at, id""")) {
            s.setObject(1, order);
            try (var e = s.executeQuery()) {
                while (e.next()) {
                    json.writeStartObject().write("id", e.getString("id"));
                    time(json, "occurredAt", e, "occurred_at");
                    person(json, "actor", e.getString("actor_id"), e.getString("actor_name"), people);
                    json.write("kind", e.getString("kind"));
                    text(json, "field", e.getString("field"));
                    text(json, "oldValue", e.getString("old_value"));
                    text(json, "newValue", e.getString("new_value"));
                    text(json, "comment", e.getString("comment"));
                    json.write("visibility", e.getString("visibility"));
                    number(json, "configVersion", e, "config_version");
                    json.writeEnd();
                }
            }
        }
        json.writeEnd();
    }

    private static void comments(Connection connection, JsonGenerator json, UUID order, Map<String, String[]> people)
            throws SQLException {
        json.writeStartArray("comments");
        try (var s = connection.prepareStatement("""
                SELECT id, author_id, author_name, body, visibility, created_at
                  FROM work_order_comment WHERE work_order_id = ? ORDER BY created_at, id""")) {
            s.setObject(1, order);
            try (var c = s.executeQuery()) {
                while (c.next()) {
                    json.writeStartObject().write("id", c.getString("id"));
                    person(json, "author", c.getString("author_id"), c.getString("author_name"), people);
                    json.write("body", c.getString("body")).write("visibility", c.getString("visibility"));
                    time(json, "createdAt", c, "created_at");
                    json.writeEnd();
                }
            }
        }
        json.writeEnd();
    }

    /** A member as {@code {email, name}}; anyone else (a rule, the system) as {@code {id, name}}; null as null. */
    private static void person(JsonGenerator json, String key, String id, String name, Map<String, String[]> people) {
        if (id == null) {
            json.writeNull(key);
            return;
        }
        json.writeStartObject(key);
        var member = people.get(id);
        if (member != null) json.write("email", member[0]);
        else json.write("id", id);
        text(json, "name", name);
        json.writeEnd();
    }

    private static void text(JsonGenerator json, String key, String value) {
        if (value == null) json.writeNull(key);
        else json.write(key, value);
    }

    private static void time(JsonGenerator json, String key, ResultSet rows, String column) throws SQLException {
        var value = rows.getObject(column, OffsetDateTime.class);
        if (value == null) json.write(key, JsonValue.NULL);
        else json.write(key, value.toInstant().toString());
    }

    private static void number(JsonGenerator json, String key, ResultSet rows, String column) throws SQLException {
        var value = rows.getObject(column);
        if (value == null) json.writeNull(key);
        else json.write(key, ((Number) value).intValue());
    }
}
