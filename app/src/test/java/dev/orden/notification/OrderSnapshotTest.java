package dev.orden.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrderSnapshotTest {

    private static final String BUNDLE = """
            {"fields":[{"key":"appliance","type":"text","label":{"es":"Aparato","en":"Appliance"}},
                       {"key":"diagnosis","type":"longtext","label":{"es":"Diagnóstico","en":"Diagnosis"},
                        "internal":true}],
             "types":[{"key":"repair","name":{"es":"Reparación","en":"Repair"}}]}""";

    private static Object fields(jakarta.json.JsonObject snapshot) {
        return OrderSnapshot.model(snapshot, "en", "Rita").get("field");
    }

    @Test
    void aRequestersMessageHasNoValueOfAnInternalField() {
        var facts = new OrderSnapshot.Facts("REP-1", "Leak", "repair", "NEW", null, "HIGH", null, null, null, "Rita",
                "{\"appliance\":\"washer\",\"diagnosis\":\"worn bearing\"}", "Diego", null, null);
        var snapshot = OrderSnapshot.take(facts, Json.createReader(new java.io.StringReader(BUNDLE)).readObject(),
                "https://orden.test/portal/workorders/REP-1");
        assertEquals(Map.of("appliance", "washer", "diagnosis", "worn bearing"), fields(snapshot), "staff's");
        var forRequesters = OrderSnapshot.withoutInternal(snapshot);
        assertEquals(Map.of("appliance", "washer"), fields(forRequesters));
        assertEquals(List.of(Map.of("key", "appliance", "label", "Appliance", "value", "washer")),
                OrderSnapshot.model(forRequesters, "en", "Rita").get("fields"));
        assertEquals(snapshot.getString("title"), forRequesters.getString("title"), "all else kept");
    }
}
