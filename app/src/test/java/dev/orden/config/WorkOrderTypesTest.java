package dev.orden.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orden.config.field.FieldDefinition;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkOrderTypesTest {

    @Test
    void eachTypeHasItsOwnFieldsInItsOrder() {
        var bundle = Configs.demo("acme");
        var types = WorkOrderTypes.of(bundle);
        assertEquals(Set.of("repair", "installation", "complaint", "general"), types.keys());
        assertEquals(List.of("complaintReason", "relatedOrder", "resolution"),
                types.fieldsOf("complaint").orElseThrow().stream().map(FieldDefinition::key).toList());
        assertTrue(types.fieldsOf("install").isEmpty());
    }

    @Test
    void theDefaultBundleHasTheGeneralTypeWithoutFields() {
        assertEquals(List.of(), WorkOrderTypes.of(ConfigBundles.defaultBundle()).fieldsOf("general").orElseThrow());
    }

    @Test
    void fieldsThatDoNotParseLeaveTheTypesWithoutFields() {
        var bundle = BundleValidationTest.parse("""
                {"fields":[{"key":"a","label":{"es":"A","en":"A"},"type":"text","pattern":"(?=x)"}],
                 "types":[{"key":"t","fields":["a"]}]}""");
        assertEquals(List.of(), WorkOrderTypes.of(bundle).fieldsOf("t").orElseThrow());
    }
}
