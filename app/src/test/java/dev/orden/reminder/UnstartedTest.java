package dev.orden.reminder;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orden.config.BundleFiles;
import dev.orden.config.workflow.StateCategory;
import dev.orden.config.workflow.Workflow;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** "Not started" on the default workflow: NEW, and ASSIGNED (where its assigned trigger leads), but nothing later. */
class UnstartedTest {

    @Test
    void theStatesAnAssignmentLeavesAnOrderInAreUnstarted() {
        var bundle = BundleFiles.readFolder(Path.of("..", "tenant-config", "_default"));
        var workflow = Workflow.of(bundle.getJsonArray("workflows").getValuesAs(JsonObject.class).stream()
                .filter(w -> w.getString("key").equals("default")).findFirst().orElseThrow());
        assertTrue(Unstarted.is(workflow, "NEW", StateCategory.NEW));
        assertTrue(Unstarted.is(workflow, "ASSIGNED", StateCategory.OPEN));
        assertFalse(Unstarted.is(workflow, "IN_PROGRESS", StateCategory.OPEN));
        assertFalse(Unstarted.is(workflow, "ON_HOLD", StateCategory.PENDING));
    }
}
