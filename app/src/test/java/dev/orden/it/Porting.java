package dev.orden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Tenants and people for the import/export ITs: signed up fresh, so each test owns its data. */
final class Porting {

    static final String PASSWORD = "porting-pass-1";

    private Porting() {}

    static UUID signup(String slug, String adminEmail) {
        return signup(slug, adminEmail, PASSWORD);
    }

    static UUID signup(String slug, String adminEmail, String password) {
        var created = Api.anonymous(Http.fromLoopback(It.randomBetween(2, 249), It.randomBetween(1, 254)))
                .post("/signup", Json.createObjectBuilder().add("company", "Porting " + slug).add("slug", slug)
                        .add("adminEmail", adminEmail).add("adminName", "Paula Porter").add("password", password)
                        .build())
                .expect(201).json();
        return UUID.fromString(created.getString("tenantId"));
    }

    /** A person of the tenant with one role, signed in once so that Orden knows them. */
    static Api person(String slug, String email, String role) {
        var id = KcAdmin.createUser(email, email, PASSWORD);
        KcAdmin.grantRealmRole(id, role);
        KcAdmin.addMember(KcAdmin.findOrganizationId(slug).orElseThrow(), id);
        var api = Api.as(email, PASSWORD);
        assertEquals(slug, api.me().getString("tenant"));
        return api;
    }

    /** Fields qty (number) and level (select), SLA targets for general (1 h, 4 h), a team and two areas. */
    static JsonObject withImportables(JsonObject bundle, List<String> teamMembers) {
        var fields = Json.createArrayBuilder()
                .add(field("qty", "number"))
                .add(field("level", "select").add("options", options("high", "low")))
                .add(field("photos", "attachment"));
        var types = Json.createArrayBuilder();
        for (var type : bundle.getJsonArray("types").getValuesAs(JsonObject.class)) {
            types.add(!type.getString("key").equals("general") ? Json.createObjectBuilder(type)
                    : Json.createObjectBuilder(type).add("fields", Json.createArrayBuilder(List.of("qty", "level", "photos"))));
        }
        var sla = Json.createArrayBuilder().add(Json.createObjectBuilder().add("key", "always").add("zone", "UTC")
                .add("targets", Json.createArrayBuilder().add(Json.createObjectBuilder().add("type", "general")
                        .add("firstResponse", "PT1H").add("resolution", "PT4H"))));
        var teams = Json.createArrayBuilder().add(Json.createObjectBuilder().add("key", "field")
                .add("name", names("Field")).add("members", Json.createArrayBuilder(teamMembers)));
        var areas = Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("key", "north").add("name", names("North")))
                .add(Json.createObjectBuilder().add("key", "south").add("name", names("South")));
        return Json.createObjectBuilder(bundle).add("fields", fields).add("types", types).add("sla", sla)
                .add("teams", teams).add("areas", areas).build();
    }

    static Res csv(Api api, String path, String body) {
        return api.send("POST", path, "text/csv", body, Map.of());
    }

    private static JsonObjectBuilder names(String name) {
        return Json.createObjectBuilder().add("es", name).add("en", name);
    }

    private static JsonObjectBuilder field(String key, String type) {
        return Json.createObjectBuilder().add("key", key).add("type", type).add("label", names(key));
    }

    private static JsonArrayBuilder options(String... values) {
        var options = Json.createArrayBuilder();
        for (var value : values) options.add(Json.createObjectBuilder().add("value", value).add("label", names(value)));
        return options;
    }
}
