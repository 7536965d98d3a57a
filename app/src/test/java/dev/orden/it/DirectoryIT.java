package dev.orden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The staff's directory of teams and areas (acme's seeded configuration): names per language, the area tree's parents. */
class DirectoryIT {

    private static Map<String, JsonObject> byKey(JsonObject directory, String list) {
        return directory.getJsonArray(list).getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(p -> p.getString("key"), p -> p));
    }

    @Test
    void anAgentReadsTheTenantsTeamsAndAreasWithTheirNames() {
        var directory = Api.as(It.ACME_AGENT).get("/directory").expect(200).json();

        var teams = byKey(directory, "teams");
        assertTrue(teams.keySet().containsAll(List.of("madrid_repair", "bcn_repair", "installers")), teams.toString());
        assertEquals("Reparación Madrid", teams.get("madrid_repair").getJsonObject("name").getString("es"));
        assertEquals("Madrid repair", teams.get("madrid_repair").getJsonObject("name").getString("en"));
        assertFalse(teams.containsKey("hvac"), "globex's teams are not acme's");

        var areas = byKey(directory, "areas");
        assertEquals("Madrid Centre", areas.get("madrid_centro").getJsonObject("name").getString("en"));
        assertEquals("madrid", areas.get("madrid_centro").getString("parent"));
        assertEquals("spain", areas.get("madrid").getString("parent"));
        var top = areas.get("spain");
        assertTrue(!top.containsKey("parent") || top.isNull("parent"), "a top area has no parent: " + top);
    }

    @Test
    void aDispatcherReadsItTooButNotARequester() {
        Api.as(It.ACME_DISPATCHER).get("/directory").expect(200);
        Api.as(It.ACME_REQUESTER).get("/directory").expect(403);
    }
}
