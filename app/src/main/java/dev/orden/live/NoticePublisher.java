package dev.orden.live;

import dev.orden.workorder.WorkOrderChanged;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Tells every server of a committed change: {@code pg_notify} on {@value Notice#CHANNEL}, once the change's
 * transaction has committed (a rolled-back change is never announced). On a connection of its own, outside any
 * transaction; a failure is logged and costs the change nothing: streams that missed it catch up at their next
 * reload.
 */
@ApplicationScoped
public class NoticePublisher {

    private static final Logger LOG = Logger.getLogger(NoticePublisher.class.getName());

    @Resource(lookup = "jdbc/ordenEvents")
    DataSource dataSource;

    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) WorkOrderChanged change) {
        var notice = Notice.of(change);
        try {
            publish(notice);
        } catch (SQLException first) {
            // A pooled connection the database dropped (a restart): Liberty has now purged the pool, so once more.
            try {
                publish(notice);
            } catch (SQLException e) {
                e.addSuppressed(first);
                LOG.log(Level.WARNING, "Change " + notice.id() + " to order " + notice.orderId() + " not announced", e);
            }
        }
    }

    private void publish(Notice notice) throws SQLException {
        try (var connection = dataSource.getConnection();
             var statement = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
            statement.setString(1, Notice.CHANNEL);
            statement.setString(2, notice.toJson());
            statement.execute();
        }
    }
}
