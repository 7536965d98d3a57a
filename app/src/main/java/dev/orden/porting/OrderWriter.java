package dev.orden.porting;

import dev.orden.workorder.WorkOrderImports;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Writes imported orders and their {@code CREATED} history entries as JDBC batches on the transaction's own
 * connection (so row-level security and the tenant setting apply), numbering each batch from the tenant's sequence
 * in one step. Holds at most one batch.
 */
final class OrderWriter {

    static final int BATCH = 500;

    /** Someone an imported order names: user id and name. */
    record Person(String id, String name) {}

    record Pending(long row, WorkOrderImports.Checked order, Person requester, Person assignee, String team,
                   Instant createdAt) {}

    private static final String ORDER = """
            INSERT INTO work_order (tenant_id, id, number, number_prefix, title, description, type, priority, status,
                status_category, area, requester_id, requester_name, assignee_id, assignee_name, team, due_at,
                custom_fields, created_at, created_by, updated_at, completed_by, completed_by_name, completed_at,
                config_version, version)
            VALUES (current_setting('app.tenant_id')::uuid, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                CAST(? AS jsonb), ?, ?, ?, ?, ?, ?, ?, 1)""";
    private static final String EVENT = """
            INSERT INTO work_order_event (tenant_id, id, work_order_id, occurred_at, actor_id, actor_name, kind, field,
                old_value, new_value, comment, visibility, config_version)
            VALUES (current_setting('app.tenant_id')::uuid, ?, ?, ?, ?, ?, 'CREATED', 'status', NULL, ?, ?, 'PUBLIC',
                ?)""";

    private final Connection connection;
    private final Person importer;
    private final List<Pending> pending = new ArrayList<>();
    private long firstNumber;
    private long lastNumber;
    private long written;

    OrderWriter(Connection connection, Person importer) {
        this.connection = connection;
        this.importer = importer;
    }

    /** Adds an order; true when the batch is full and {@link #flush} is due. */
    boolean add(Pending order) {
        pending.add(order);
        return pending.size() >= BATCH;
    }

    /** Stores the pending orders. */
    void flush() {
        if (pending.isEmpty()) return;
        try {
            var first = reserveNumbers(pending.size());
            write(first);
            if (written == 0) firstNumber = first;
            lastNumber = first + pending.size() - 1;
            written += pending.size();
            pending.clear();
        } catch (SQLException e) {
            throw new IllegalStateException("Storing imported orders failed: " + e.getMessage(), e);
        }
    }

    /**
     * The numbers of the orders written, first to last: one range, since the counter's row stays locked by this
     * transaction from the first batch on, so no order created meanwhile takes a number in between.
     */
    long firstNumber() {
        return firstNumber;
    }

    long lastNumber() {
        return lastNumber;
    }

    long written() {
        return written;
    }

    private long reserveNumbers(int count) throws SQLException {
        try (var statement = connection.prepareStatement("""
                INSERT INTO work_order_counter (tenant_id, last_number)
                VALUES (current_setting('app.tenant_id')::uuid, ?)
                ON CONFLICT (tenant_id) DO UPDATE
                SET last_number = work_order_counter.last_number + excluded.last_number
                RETURNING last_number""")) {
            statement.setLong(1, count);
            try (var result = statement.executeQuery()) {
                result.next();
                return result.getLong(1) - count + 1;
            }
        }
    }

    private void write(long firstNumber) throws SQLException {
        var now = Instant.now();
        try (var orders = connection.prepareStatement(ORDER); var events = connection.prepareStatement(EVENT)) {
            long number = firstNumber;
            for (var p : pending) {
                var id = UUID.randomUUID();
                order(orders, id, number++, p, now);
                event(events, id, p, now);
            }
            orders.executeBatch();
            events.executeBatch();
        }
    }

    private void order(PreparedStatement s, UUID id, long number, Pending p, Instant now) throws SQLException {
        var o = p.order();
        var created = p.createdAt() != null ? p.createdAt() : now;
        var done = switch (o.statusCategory()) {
            case RESOLVED, CLOSED -> true;
            default -> false;
        };
        int i = 1;
        s.setObject(i++, id);
        s.setLong(i++, number);
        s.setString(i++, o.numberPrefix());
        s.setString(i++, o.title());
        s.setString(i++, o.description());
        s.setString(i++, o.type());
        s.setString(i++, o.priority());
        s.setString(i++, o.status());
        s.setString(i++, o.statusCategory().key());
        s.setString(i++, o.area());
        s.setString(i++, p.requester().id());
        s.setString(i++, p.requester().name());
        s.setString(i++, p.assignee() == null ? null : p.assignee().id());
        s.setString(i++, p.assignee() == null ? null : p.assignee().name());
        s.setString(i++, p.team());
        s.setObject(i++, time(o.dueAt()), Types.TIMESTAMP_WITH_TIMEZONE);
        s.setString(i++, o.customFields());
        s.setObject(i++, time(created), Types.TIMESTAMP_WITH_TIMEZONE);
        s.setString(i++, importer.id());
        s.setObject(i++, time(now), Types.TIMESTAMP_WITH_TIMEZONE);
        s.setString(i++, done && p.assignee() != null ? p.assignee().id() : null);
        s.setString(i++, done && p.assignee() != null ? p.assignee().name() : null);
        s.setObject(i++, done ? time(created) : null, Types.TIMESTAMP_WITH_TIMEZONE);
        if (o.configVersion() == null) s.setNull(i, Types.INTEGER);
        else s.setInt(i, o.configVersion());
        s.addBatch();
    }

    private void event(PreparedStatement s, UUID orderId, Pending p, Instant now) throws SQLException {
        int i = 1;
        s.setObject(i++, UUID.randomUUID());
        s.setObject(i++, orderId);
        s.setObject(i++, time(now), Types.TIMESTAMP_WITH_TIMEZONE);
        s.setString(i++, importer.id());
        s.setString(i++, importer.name());
        s.setString(i++, p.order().status());
        s.setString(i++, "Imported by " + importer.name() + " from row " + p.row());
        if (p.order().configVersion() == null) s.setNull(i, Types.INTEGER);
        else s.setInt(i, p.order().configVersion());
        s.addBatch();
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
