package dev.orden.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.Map;

/**
 * Staged uploads and acme's {@code damage} type, whose requester form has a required attachment field
 * {@code damagePhotos} (up to 3 files), for the suites that create orders with files.
 */
final class Uploads {

    static final String TYPE = "damage";
    static final String FIELD = "damagePhotos";

    private Uploads() {}

    /** Publishes acme's bundle with the damage type; returns the version before, to roll back to. */
    static int publishDamageType(Api admin) {
        return publishDamageType(admin, false);
    }

    /** As {@link #publishDamageType(Api)}; {@code agentForm}: with an agent form too, where staff edit the files. */
    static int publishDamageType(Api admin, boolean agentForm) {
        var active = Configs.active(admin);
        var bundle = active.getJsonObject("bundle");
        var field = Json.createObjectBuilder().add("key", FIELD).add("type", "attachment").add("required", true)
                .add("maxItems", 3).add("label", Json.createObjectBuilder().add("es", "Fotos del daño")
                        .add("en", "Photos of the damage"));
        var type = Json.createObjectBuilder(bundle.getJsonArray("types").getValuesAs(JsonObject.class).stream()
                        .filter(t -> t.getString("key").equals("repair")).findFirst().orElseThrow())
                .add("key", TYPE).add("numberPrefix", "DMG").add("form", "damage_requester")
                .add("name", Json.createObjectBuilder().add("es", "Daño").add("en", "Damage"))
                .add("fields", Json.createArrayBuilder().add(FIELD));
        var form = Json.createObjectBuilder().add("key", "damage_requester").add("type", TYPE)
                .add("audience", "requester").add("sections", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("title", Json.createObjectBuilder().add("es", "Daño").add("en", "Damage"))
                        .add("fields", Json.createArrayBuilder().add(Json.createObjectBuilder().add("key", FIELD)))));
        var requesterForm = form.build();
        var forms = Json.createArrayBuilder(bundle.getJsonArray("forms")).add(requesterForm);
        if (agentForm) {
            forms.add(Json.createObjectBuilder(requesterForm).add("key", "damage_agent").add("audience", "agent"));
        }
        var changed = Json.createObjectBuilder(bundle)
                .add("fields", Json.createArrayBuilder(bundle.getJsonArray("fields")).add(field))
                .add("types", Json.createArrayBuilder(bundle.getJsonArray("types")).add(type))
                .add("forms", forms).build();
        // A loaded machine can time a rule test out while the draft is validated (docs: RuleChecksTest): try again.
        for (int attempt = 1; ; attempt++) {
            var draft = admin.send("PUT", "/admin/config/draft", Api.JSON, changed.toString(), Map.of()).expect(200)
                    .json();
            if (draft.getBoolean("valid")) break;
            assertTrue(attempt < 4 && draft.toString().contains("TIMEOUT"), draft.toString());
        }
        admin.post("/admin/config/draft/publish", JsonObject.EMPTY_JSON_OBJECT).expect(200);
        return active.getInt("version");
    }

    /** Stages {@code content} as the file {@code name}. */
    static Res stage(Api api, String name, String type, byte[] content) {
        return api.sendBytes("POST", "/uploads?filename=" + WorkOrders.enc(name), type, content);
    }

    /** A PNG of {@code size} bytes, different for each seed. */
    static byte[] png(long seed, int size) {
        try (var in = AttachmentsIT.png(seed, size)) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** {@code {"upload": id}}, as a create request names a staged file. */
    static JsonObject ref(String id) {
        return Json.createObjectBuilder().add("upload", id).build();
    }
}
