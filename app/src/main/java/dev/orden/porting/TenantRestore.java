package dev.orden.porting;

import dev.orden.config.ConfigService;
import dev.orden.identity.CurrentUser;
import dev.orden.identity.MemberDirectory;
import dev.orden.shared.persistence.TenantEntityManager;
import dev.orden.shared.problem.ProblemException;
import dev.orden.shared.problem.ProblemType;
import dev.orden.tenant.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import dev.orden.shared.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The database side of a tenant import ({@link TenantImporter}), in one transaction. */
@ApplicationScoped
class TenantRestore {

    private static final int BATCH = 500;

    @Inject
    TenantEntityManager tenantEm;

    @Inject
    TenantContext context;

    @Inject
    MemberDirectory members;

    @Inject
    ConfigService config;

    @Transactional
    void requireEmpty() {
        var rows = tenantEm.em().createNativeQuery("SELECT 1 FROM work_order LIMIT 1").getResultList();
        if (!rows.isEmpty()) {
            throw new ProblemException(ProblemType.CONFLICT, "This tenant has work orders already; a tenant export is "
                    + "imported only into a tenant without any");
        }
        var drafts = tenantEm.em().createNativeQuery("SELECT 1 FROM config_version WHERE status = 'DRAFT'")
                .getResultList();
        if (!drafts.isEmpty()) {
            throw new ProblemException(ProblemType.CONFLICT,
                    "A configuration draft is pending; publish or discard it first");
        }
    }

    @Inject
    LongTransaction transaction;

    /** {@code ids}: each person's user id here, by e-mail. Returns what was stored. */
    JsonObject restore(JsonParser parser, List<MemberRows.Person> people, Map<String, String> ids,
                       List<JsonObject> versions, int activeVersion) {
        return transaction.run(() -> restoring(parser, people, ids, versions, activeVersion));
    }

    private JsonObject restoring(JsonParser parser, List<MemberRows.Person> people, Map<String, String> ids,
                       List<JsonObject> versions, int activeVersion) {
        requireEmpty();
        var connection = tenantEm.em().unwrap(Connection.class);
        for (var person : people) {
            members.record(context.tenantId(), new CurrentUser(ids.get(person.email()), person.email(), person.email(),
                    person.name(), person.roles()));
        }
        try {
            int shift = highestVersion(connection);
            var people2 = new People(ids);
            for (var version : versions) insertVersion(connection, version, shift, people2);
            config.activateImported(activeVersion + shift);
            var counts = new OrdersIn(connection, shift, people2).readAll(parser);
            return Json.createObjectBuilder().add("members", people.size())
                    .add("invited", people.stream().filter(p -> !p.existing()).count())
                    .add("configVersions", versions.size()).add("versionShift", shift)
                    .add("activeVersion", activeVersion + shift)
                    .add("orders", counts[0]).add("history", counts[1]).add("comments", counts[2]).build();
        } catch (SQLException e) {
            throw new IllegalStateException("Importing the tenant failed: " + e.getMessage(), e);
        }
    }

    private static int highestVersion(Connection connection) throws SQLException {
        try (var s = connection.prepareStatement("SELECT coalesce(max(version), 0) FROM config_version");
             var rows = s.executeQuery()) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static void insertVersion(Connection connection, JsonObject v, int shift, People people)
            throws SQLException {
        try (var s = connection.prepareStatement("""
                INSERT INTO config_version (tenant_id, version, status, bundle, created_by, created_at, published_by,
                    published_at, note)
                VALUES (current_setting('app.tenant_id')::uuid, ?, ?, CAST(? AS jsonb), ?, ?, ?, ?, ?)""")) {
            s.setInt(1, v.getInt("version") + shift);
            s.setString(2, v.getString("status"));
            s.setString(3, v.getJsonObject("bundle").toString());
            s.setString(4, people.id(v.get("createdBy")));
            time(s, 5, v, "createdAt");
            s.setString(6, people.id(v.get("publishedBy")));
            time(s, 7, v, "publishedAt");
            s.setString(8, text(v, "note"));
            s.executeUpdate();
        }
    }

    /** People of the file as user ids here: a member's by e-mail, anyone else's id as it was. */
    record People(Map<String, String> ids) {
        String id(JsonValue person) {
            if (!(person instanceof JsonObject p)) return null;
            var email = p.getString("email", null);
            return email != null ? ids.get(email) : p.getString("id", null);
        }

        static String name(JsonValue person) {
            return person instanceof JsonObject p ? text(p, "name") : null;
        }
    }

    /** The orders' array, read one order at a time and written in batches. */
    private static final class OrdersIn {
        private final Connection connection;
        private final int shift;
        private final People people;
        private final long[] counts = new long[3];
        private long highestNumber;
        private int pending;

        OrdersIn(Connection connection, int shift, People people) {
            this.connection = connection;
            this.shift = shift;
            this.people = people;
        }

        long[] readAll(JsonParser parser) throws SQLException {
            try (var orders = connection.prepareStatement(ORDER); var events = connection.prepareStatement(EVENT);
                 var comments = connection.prepareStatement(COMMENT)) {
                while (parser.hasNext()) {
                    var event = parser.next();
                    if (event == JsonParser.Event.END_ARRAY) break;
                    if (event != JsonParser.Event.START_OBJECT) {
                        throw ProblemException.invalid("orders", "must hold objects");
                    }
                    var order = parser.getObject();
                    order(orders, order);
                    for (var entry : order.getJsonArray("history").getValuesAs(JsonObject.class)) {
                        event(events, order, entry);
                    }
                    for (var comment : order.getJsonArray("comments").getValuesAs(JsonObject.class)) {
                        comment(comments, order, comment);
                    }
                    if (++pending >= BATCH) execute(orders, events, comments);
                }
                execute(orders, events, comments);
            }
            if (highestNumber > 0) {
                try (var s = connection.prepareStatement("""
                        INSERT INTO work_order_counter (tenant_id, last_number)
                        VALUES (current_setting('app.tenant_id')::uuid, ?)
                        ON CONFLICT (tenant_id) DO UPDATE
                        SET last_number = greatest(work_order_counter.last_number, excluded.last_number)""")) {
                    s.setLong(1, highestNumber);
                    s.executeUpdate();
                }
            }
            return counts;
        }

        private void execute(PreparedStatement... statements) throws SQLException {
            for (var s : statements) s.executeBatch();
            pending = 0;
        }

        private void order(PreparedStatement s, JsonObject o) throws SQLException {
            int i = 1;
            s.setObject(i++, UUID.fromString(o.getString("id")));
            long number = o.getJsonNumber("number").longValue();
            highestNumber = Math.max(highestNumber, number);
            s.setLong(i++, number);
            for (var key : List.of("numberPrefix", "title", "description", "type", "priority", "status",
                    "statusCategory", "area")) {
                s.setString(i++, text(o, key));
            }
            s.setString(i++, people.id(o.get("requester")));
            s.setString(i++, People.name(o.get("requester")));
            s.setString(i++, people.id(o.get("assignee")));
            s.setString(i++, People.name(o.get("assignee")));
            s.setString(i++, text(o, "team"));
            time(s, i++, o, "dueAt");
            s.setString(i++, o.getJsonObject("customFields").toString());
            time(s, i++, o, "createdAt");
            s.setString(i++, people.id(o.get("createdBy")));
            time(s, i++, o, "updatedAt");
            s.setString(i++, people.id(o.get("completedBy")));
            s.setString(i++, People.name(o.get("completedBy")));
            time(s, i++, o, "completedAt");
            version(s, i++, o);
            s.setInt(i, o.getInt("version"));
            s.addBatch();
            counts[0]++;
        }

        private void event(PreparedStatement s, JsonObject order, JsonObject e) throws SQLException {
            int i = 1;
            s.setObject(i++, UUID.fromString(e.getString("id")));
            s.setObject(i++, UUID.fromString(order.getString("id")));
            time(s, i++, e, "occurredAt");
            s.setString(i++, people.id(e.get("actor")));
            s.setString(i++, People.name(e.get("actor")));
            for (var key : List.of("kind", "field", "oldValue", "newValue", "comment", "visibility")) {
                s.setString(i++, text(e, key));
            }
            version(s, i, e);
            s.addBatch();
            counts[1]++;
        }

        private void comment(PreparedStatement s, JsonObject order, JsonObject c) throws SQLException {
            int i = 1;
            s.setObject(i++, UUID.fromString(c.getString("id")));
            s.setObject(i++, UUID.fromString(order.getString("id")));
            s.setString(i++, people.id(c.get("author")));
            s.setString(i++, People.name(c.get("author")));
            s.setString(i++, c.getString("body"));
            s.setString(i++, c.getString("visibility"));
            time(s, i, c, "createdAt");
            s.addBatch();
            counts[2]++;
        }

        private void version(PreparedStatement s, int index, JsonObject o) throws SQLException {
            var value = o.get("configVersion");
            if (value instanceof jakarta.json.JsonNumber n) s.setInt(index, n.intValue() + shift);
            else s.setNull(index, Types.INTEGER);
        }
    }

    private static final String ORDER = """
            INSERT INTO work_order (tenant_id, id, number, number_prefix, title, description, type, priority, status,
                status_category, area, requester_id, requester_name, assignee_id, assignee_name, team, due_at,
                custom_fields, created_at, created_by, updated_at, completed_by, completed_by_name, completed_at,
                config_version, version)
            VALUES (current_setting('app.tenant_id')::uuid, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                CAST(? AS jsonb), ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String EVENT = """
            INSERT INTO work_order_event (tenant_id, id, work_order_id, occurred_at, actor_id, actor_name, kind, field,
                old_value, new_value, comment, visibility, config_version)
            VALUES (current_setting('app.tenant_id')::uuid, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String COMMENT = """
            INSERT INTO work_order_comment (tenant_id, id, work_order_id, author_id, author_name, body, visibility,
                created_at)
            VALUES (current_setting('app.tenant_id')::uuid, ?, ?, ?, ?, ?, ?, ?)""";

    private static String text(JsonObject o, String key) {
        var value = o.get(key);
        return value instanceof jakarta.json.JsonString s ? s.getString() : null;
    }

    private static void time(PreparedStatement s, int index, JsonObject o, String key) throws SQLException {
        var text = text(o, key);
        s.setObject(index, text == null ? null : Instant.parse(text).atOffset(ZoneOffset.UTC),
                Types.TIMESTAMP_WITH_TIMEZONE);
    }
}
