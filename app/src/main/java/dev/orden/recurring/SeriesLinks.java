package dev.orden.recurring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import dev.orden.shared.json.Json;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;

/** The series an order was made by, as the order's view shows it: {@code {id, name, occurrence}}. */
@ApplicationScoped
public class SeriesLinks {

    @Inject
    SeriesRepository repository;

    @Transactional
    public Optional<JsonObject> of(UUID orderId) {
        return repository.linkOf(orderId).map(link -> Json.createObjectBuilder()
                .add("id", link.seriesId().toString()).add("name", link.name())
                .add("occurrence", link.occurrence().toString()).build());
    }
}
