package dev.orden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The schema as docs/scaling.md promises it: {@code tenant_id} can be the distribution key of a sharded PostgreSQL
 * (Citus) because every tenant table's primary key and unique indexes lead with it, and every foreign key between
 * tenant tables carries it first, so that no constraint ever spans two tenants (two shards). A new table that breaks
 * this fails here, not on the day the database is sharded.
 */
class DistributionKeyIT {

    private static final String TENANT_TABLES = """
            SELECT t.oid FROM pg_class t
            JOIN pg_attribute a ON a.attrelid = t.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
            WHERE t.relnamespace = 'public'::regnamespace AND t.relkind IN ('r', 'p')
            """;

    @Test
    void everyTenantTableHasAPrimaryKeyLedByTenantId() {
        assertEquals(List.of(), violations("""
                SELECT t.relname FROM pg_class t WHERE t.oid IN (%s)
                AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conrelid = t.oid AND k.contype = 'p'
                                AND k.conkey[1] = (SELECT attnum FROM pg_attribute
                                                   WHERE attrelid = t.oid AND attname = 'tenant_id'))
                ORDER BY 1""".formatted(TENANT_TABLES)), "tables whose primary key does not start with tenant_id");
    }

    @Test
    void everyUniqueIndexOfATenantTableIncludesTenantId() {
        assertEquals(List.of(), violations("""
                SELECT i.relname FROM pg_index x
                JOIN pg_class i ON i.oid = x.indexrelid
                WHERE x.indrelid IN (%s) AND x.indisunique
                AND NOT (SELECT attnum FROM pg_attribute WHERE attrelid = x.indrelid AND attname = 'tenant_id')
                        = ANY (x.indkey::smallint[])
                ORDER BY 1""".formatted(TENANT_TABLES)), "unique indexes a shard could not enforce on its own");
    }

    @Test
    void everyForeignKeyBetweenTenantTablesLeadsWithTenantId() {
        var foreignKeys = violations("""
                SELECT k.conname FROM pg_constraint k WHERE k.contype = 'f'
                AND k.conrelid IN (%1$s) AND k.confrelid IN (%1$s) ORDER BY 1""".formatted(TENANT_TABLES));
        assertTrue(foreignKeys.size() >= 10, "the work-order tables' foreign keys at least: " + foreignKeys);
        assertEquals(List.of(), violations("""
                SELECT c.relname || '.' || k.conname FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
                WHERE k.contype = 'f' AND k.conrelid IN (%1$s) AND k.confrelid IN (%1$s)
                AND NOT (k.conkey[1] = (SELECT attnum FROM pg_attribute
                                        WHERE attrelid = k.conrelid AND attname = 'tenant_id')
                     AND k.confkey[1] = (SELECT attnum FROM pg_attribute
                                         WHERE attrelid = k.confrelid AND attname = 'tenant_id'))
                ORDER BY 1""".formatted(TENANT_TABLES)), "foreign keys that could join two tenants' rows");
    }

    private static List<String> violations(String sql) {
        try (var connection = Db.connectAsApp(); var statement = connection.createStatement();
             var rows = statement.executeQuery(sql)) {
            var names = new ArrayList<String>();
            while (rows.next()) names.add(rows.getString(1));
            return names;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
