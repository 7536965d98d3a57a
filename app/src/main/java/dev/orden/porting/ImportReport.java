package dev.orden.porting;

import dev.orden.shared.json.Json;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * What an import found: rows read, rows without errors, rows stored, and the errors (the first
 * {@value #MAX_LISTED}, counted all), the same in a dry run and in a refused import.
 */
final class ImportReport {

    static final int MAX_LISTED = 1000;

    private final boolean dryRun;
    private final List<RowError> listed = new ArrayList<>();
    private long errors;
    private long rows;
    private long valid;
    private long imported;

    ImportReport(boolean dryRun) {
        this.dryRun = dryRun;
    }

    void row(List<RowError> rowErrors) {
        rows++;
        if (rowErrors.isEmpty()) valid++;
        rowErrors.forEach(this::error);
    }

    void error(RowError error) {
        errors++;
        if (listed.size() < MAX_LISTED) listed.add(error);
    }

    void imported(long count) {
        imported += count;
    }

    boolean hasErrors() {
        return errors > 0;
    }

    boolean dryRun() {
        return dryRun;
    }

    List<RowError> errors() {
        return List.copyOf(listed);
    }

    long rows() {
        return rows;
    }

    long imported() {
        return imported;
    }

    JsonObject toJson() {
        var list = Json.createArrayBuilder();
        for (var error : listed) {
            var entry = Json.createObjectBuilder().add("row", error.row());
            if (error.column() != null) entry.add("column", error.column());
            list.add(entry.add("message", error.message()));
        }
        return Json.createObjectBuilder()
                .add("dryRun", dryRun)
                .add("rows", rows)
                .add("valid", valid)
                .add("imported", imported)
                .add("errorCount", errors)
                .add("errorsTruncated", errors > listed.size())
                .add("errors", list)
                .build();
    }
}
