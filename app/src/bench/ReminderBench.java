import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Reminder job throughput (docs/performance.md, "Reminders"). Not part of the build: run it with
 * app/src/bench/reminders.sh. Straight into PostgreSQL as the application's role, bound to one tenant, it makes
 * {@code count} reminder jobs due at once (kind {@code reminder}, a rule's reminder to one member, each at its own
 * time so that none is a duplicate of another, on up to 100 of the tenant's open orders), commits, and times how
 * fast the running servers' schedulers drain them: the time from the commit until no such job is left, then checks
 * that each was sent exactly once (reminder_sent and notification rows).
 *
 * <pre>
 *   reminders.sh [count]      default 5000
 * </pre>
 * Settings (environment, BENCH_ prefix): DB (jdbc:postgresql://127.0.0.1:5432/orden_test_remind), TENANT (acme),
 * RECIPIENT (agent@acme.test), APP_PASSWORD (orden_app).
 */
public class ReminderBench {

    static final String DB = setting("DB", "jdbc:postgresql://127.0.0.1:5432/orden_test_remind");
    static final String TENANT = setting("TENANT", "acme");
    static final String RECIPIENT = setting("RECIPIENT", "agent@acme.test");

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        var run = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        try (var c = DriverManager.getConnection(DB, "orden_app", setting("APP_PASSWORD", "orden_app"))) {
            c.setAutoCommit(false);
            var tenant = one(c, "SELECT id::text FROM tenant WHERE slug = '" + TENANT + "'");
            bind(c, tenant);
            var member = one(c, "SELECT id::text FROM member WHERE lower(email) = lower('" + RECIPIENT + "')");
            var sentBefore = Long.parseLong(one(c, "SELECT count(*) FROM notification WHERE recipient_id = '" + member
                    + "' AND kind = 'reminder'"));
            c.commit();
            bind(c, tenant);
            try (var st = c.prepareStatement("""
                    WITH orders AS (
                        SELECT id, row_number() OVER (ORDER BY number) - 1 AS n FROM work_order
                         WHERE status_category IN ('new', 'open', 'pending') ORDER BY number LIMIT 100),
                         jobs AS (
                        SELECT i, (now() + interval '1 day' + i * interval '1 millisecond') AS at FROM generate_series(1, ?) i)
                    INSERT INTO scheduled_job (tenant_id, id, kind, key, spec, payload, due_at)
                    SELECT ?::uuid, gen_random_uuid(), 'reminder', ? || '/' || i, to_char(at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                           jsonb_build_object('order', o.id, 'kind', 'remind',
                                              'at', to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                                              'to', 'user:' || ?), now()
                      FROM jobs JOIN orders o ON o.n = i % (SELECT count(*) FROM orders)""")) {
                st.setInt(1, count);
                st.setString(2, tenant);
                st.setString(3, run);
                st.setString(4, member);
                System.out.println("inserted " + st.executeUpdate() + " due reminder jobs (" + run + ")");
            }
            c.commit();
            var start = System.nanoTime();
            long left = count, firstGone = 0;
            while (left > 0) {
                Thread.sleep(100);
                try {
                    bind(c, tenant);
                    left = Long.parseLong(one(c, "SELECT count(*) FROM scheduled_job WHERE starts_with(key, '" + run + "/')"));
                    c.commit();
                } catch (java.sql.SQLException e) {
                    System.out.println("(a count failed, counting again: " + e.getMessage() + ")");
                    c.rollback();
                }
                if (firstGone == 0 && left < count) firstGone = System.nanoTime() - start;
                if (System.nanoTime() - start > Duration.ofMinutes(30).toNanos()) throw new IllegalStateException(left + " left");
            }
            var seconds = (System.nanoTime() - start) / 1e9;
            bind(c, tenant);
            var failed = one(c, "SELECT count(*) FROM scheduled_job WHERE starts_with(key, '" + run + "/') AND status = 'FAILED'");
            var sent = Long.parseLong(one(c, "SELECT count(*) FROM notification WHERE recipient_id = '" + member
                    + "' AND kind = 'reminder'")) - sentBefore;
            c.commit();
            System.out.printf("drained %d jobs in %.1f s: %.1f jobs/s (first done after %.2f s); notifications sent %d,"
                    + " failed jobs %s%n", count, seconds, count / seconds, firstGone / 1e9, sent, failed);
        }
    }

    static void bind(Connection c, String tenant) throws Exception {
        try (var st = c.prepareStatement("SELECT set_config('app.tenant_id', ?, true)")) {
            st.setString(1, tenant);
            st.execute();
        }
    }

    static String one(Connection c, String sql) throws Exception {
        try (var st = c.createStatement(); var rs = st.executeQuery(sql)) {
            if (!rs.next()) throw new IllegalStateException("no row: " + sql);
            return rs.getString(1);
        }
    }

    static String setting(String name, String fallback) {
        var env = System.getenv("BENCH_" + name);
        return env != null ? env : System.getProperty(name, fallback);
    }

}
