package dev.orden.recurring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import dev.orden.shared.json.Json;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The series an order was made by, as the order's view shows it: {@code {id, name, occurrence}}. */
@ApplicationScoped
public class SeriesLinks {

    @Inject
    SeriesRepository repository;

    @Transactional
    public Optional<JsonObject> of(UUID orderId) {
        return repository.linkOf(orderId).map(SeriesLinks::json);
    }

    /** The links of a page of orders, by order id, read at once; orders no series made are absent. */
    @Transactional
    public Map<UUID, JsonObject> of(Collection<UUID> orderIds) {
        var links = new HashMap<UUID, JsonObject>();
        repository.linksOf(orderIds).forEach((id, link) -> links.put(id, json(link)));
        return links;
    }

    private static JsonObject json(SeriesRepository.Link link) {
        return Json.createObjectBuilder().add("id", link.seriesId().toString()).add("name", link.name())
                .add("occurrence", link.occurrence().toString()).build();
    }
}
