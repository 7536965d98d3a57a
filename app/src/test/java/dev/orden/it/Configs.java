package dev.orden.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.Map;

/** Configuration calls the work-order suites share: publishing a bundle and going back to an earlier version. */
final class Configs {

    private Configs() {}

    /** The active {@code {version, bundle}}. */
    static JsonObject active(Api admin) {
        return admin.get("/admin/config").expect(200).json();
    }

    /** Saves the bundle as the draft (it must be valid) and publishes it; returns the new version number. */
    static int publish(Api admin, JsonObject bundle) {
        var draft = admin.send("PUT", "/admin/config/draft", Api.JSON, bundle.toString(), Map.of()).expect(200)
                .json();
        assertTrue(draft.getBoolean("valid"), draft.toString());
        return admin.post("/admin/config/draft/publish", JsonValue.EMPTY_JSON_OBJECT).expect(200).json()
                .getInt("version");
    }

    /** Publishes version {@code n}'s bundle again, as a new version; returns its number. */
    static int rollback(Api admin, int n) {
        return admin.post("/admin/config/versions/" + n + "/rollback", JsonValue.EMPTY_JSON_OBJECT).expect(200)
                .json().getInt("version");
    }

    /** The bundle with field {@code key}'s definition replaced. */
    static JsonObject withField(JsonObject bundle, String key, JsonObject definition) {
        var fields = Json.createArrayBuilder();
        bundle.getJsonArray("fields").getValuesAs(JsonObject.class)
                .forEach(f -> fields.add(f.getString("key").equals(key) ? definition : f));
        return Json.createObjectBuilder(bundle).add("fields", fields).build();
    }

    /** The custom fields acme's repair and installation types require. */
    static JsonObjectBuilder acmeVisit() {
        return Json.createObjectBuilder().add("appliance", "washer")
                .add("visitAddress", Json.createObjectBuilder().add("address", "Calle Mayor 1, Madrid"));
    }
}
