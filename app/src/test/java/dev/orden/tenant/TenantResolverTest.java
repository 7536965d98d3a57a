package dev.orden.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TenantResolverTest {

    private static JsonValue json(String text) {
        return Json.createReader(new StringReader(text.replace('\'', '"'))).readValue();
    }

    @Test
    void aJsonArrayListsItsStrings() {
        assertEquals(List.of("acme", "globex"), TenantResolver.organizations(json("['acme', 'globex']")));
        assertEquals(List.of(), TenantResolver.organizations(json("[]")));
    }

    @Test
    void nonStringArrayElementsKeepTheirJson() {
        assertEquals(List.of("acme", "7"), TenantResolver.organizations(json("['acme', 7]")));
    }

    @Test
    void aJsonObjectListsItsKeys() {
        // Keycloak's "organization" claim with attributes or ids: {"acme": {"id": "..."}}
        assertEquals(List.of("acme"), TenantResolver.organizations(json("{'acme': {'id': 'f00'}}")));
        assertEquals(List.of("acme", "globex"), TenantResolver.organizations(json("{'acme': {}, 'globex': {}}")));
        assertEquals(List.of(), TenantResolver.organizations(json("{}")));
    }

    @Test
    void aCollectionListsItsElements() {
        assertEquals(List.of("acme"), TenantResolver.organizations(List.of("acme")));
        assertEquals(List.of("acme", "globex"),
                TenantResolver.organizations(new LinkedHashSet<>(List.of("acme", "globex"))));
    }

    @Test
    void aSingleStringIsOneOrganization() {
        assertEquals(List.of("acme"), TenantResolver.organizations("acme"));
        assertEquals(List.of("acme"), TenantResolver.organizations(Json.createValue("acme")));
    }

    @Test
    void anythingElseIsNone() {
        assertEquals(List.of(), TenantResolver.organizations(null));
        assertEquals(List.of(), TenantResolver.organizations(42));
        assertEquals(List.of(), TenantResolver.organizations(JsonValue.TRUE));
        assertEquals(List.of(), TenantResolver.organizations(JsonValue.NULL));
        assertEquals(List.of(), TenantResolver.organizations(Json.createValue(3)));
        assertEquals(List.of(), TenantResolver.organizations(Map.of("acme", "x")));
    }
}
