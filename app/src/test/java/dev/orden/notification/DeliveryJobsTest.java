package dev.orden.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeliveryJobsTest {

    private static JsonObject user(String... locales) {
        var values = Json.createArrayBuilder();
        for (var locale : locales) values.add(locale);
        return Json.createObjectBuilder().add("email", "ana@acme.test")
                .add("attributes", Json.createObjectBuilder().add("locale", values)).build();
    }

    @Test
    void theKeycloakLocaleNamesTheLanguageWhenOrdenWritesInIt() {
        assertEquals(Optional.of("es"), DeliveryJobs.language(user("es")));
        assertEquals(Optional.of("en"), DeliveryJobs.language(user("en-GB")));
        assertEquals(Optional.of("es"), DeliveryJobs.language(user("ES_mx")));
        assertEquals(Optional.empty(), DeliveryJobs.language(user("fr")), "the tenant's language then");
        assertEquals(Optional.empty(), DeliveryJobs.language(user()));
        assertEquals(Optional.empty(), DeliveryJobs.language(Json.createObjectBuilder().build()));
        assertEquals(Optional.empty(), DeliveryJobs.language(null));
    }
}
