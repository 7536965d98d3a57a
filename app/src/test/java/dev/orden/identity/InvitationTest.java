package dev.orden.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.orden.shared.problem.FieldError;
import dev.orden.shared.problem.ProblemException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class InvitationTest {

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    private static Set<String> fields(Runnable parse) {
        return assertThrows(ProblemException.class, parse::run).problem().errors().stream().map(FieldError::field)
                .collect(Collectors.toSet());
    }

    @Test
    void aValidInvitationIsNormalized() {
        var invitation = Invitation.parse(json(
                "{\"email\": \" Marta@Acme.TEST \", \"name\": \" Marta Norte \", \"roles\": [\"agent\", \"agent\"]}"));
        assertEquals("marta@acme.test", invitation.email());
        assertEquals("Marta Norte", invitation.name());
        assertEquals(Set.of(Role.AGENT), invitation.roles());
    }

    @Test
    void everyBadFieldIsNamed() {
        assertEquals(Set.of("email", "name", "roles"), fields(() -> Invitation.parse(json("{\"email\": 3}"))));
        assertEquals(Set.of("email", "roles"), fields(() -> Invitation.parse(json(
                "{\"email\": \"a@b\", \"name\": \"A\", \"roles\": [\"root\"]}"))));
        assertEquals(Set.of("name"), fields(() -> Invitation.parse(json(
                "{\"email\": \"a@b.test\", \"name\": \"<b>Ann</b>\", \"roles\": [\"agent\"]}"))));
    }

    @Test
    void aChangeNeedsRolesOrEnabled() {
        var change = AccountChange.parse(json("{\"enabled\": false}"));
        assertNull(change.roles());
        assertEquals(false, change.enabled());
        assertEquals(Set.of("roles"), fields(() -> AccountChange.parse(json("{}"))));
        assertEquals(Set.of("roles", "enabled"), fields(() -> AccountChange.parse(json(
                "{\"roles\": [], \"enabled\": \"no\"}"))));
    }
}
