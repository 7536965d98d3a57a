package dev.orden.config.field;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/** {"address": "...", "lat": -90..90, "lon": -180..180}; lat and lon are optional, but only together. */
final class LocationType implements FieldType {

    private static final Set<String> MEMBERS = Set.of("address", "lat", "lon");

    public String name() {
        return "location";
    }

    public Set<String> properties() {
        return Set.of();
    }

    public void check(FieldDefinition field, JsonValue value, ValidationContext context, List<String> problems) {
        if (!(value instanceof JsonObject location)) {
            problems.add("must be an object with address, lat and lon, not a " + JsonValues.typeOf(value));
            return;
        }
        location.keySet().stream().filter(name -> !MEMBERS.contains(name)).sorted()
                .forEach(name -> problems.add("has an unknown member '" + name + "'"));
        if (!(location.get("address") instanceof JsonString address) || address.getString().isBlank()) {
            problems.add("needs an address as a non-empty string");
        }
        checkCoordinates(location, problems);
    }

    private static void checkCoordinates(JsonObject location, List<String> problems) {
        if (location.containsKey("lat") != location.containsKey("lon")) {
            problems.add("needs both lat and lon, or neither");
            return;
        }
        checkCoordinate(location, "lat", 90, problems);
        checkCoordinate(location, "lon", 180, problems);
    }

    private static void checkCoordinate(JsonObject location, String name, int limit, List<String> problems) {
        if (!location.containsKey(name)) {
            return;
        }
        if (!(location.get(name) instanceof JsonNumber number)) {
            problems.add(name + " must be a number");
        } else if (number.bigDecimalValue().abs().compareTo(BigDecimal.valueOf(limit)) > 0) {
            problems.add(name + " must be between -" + limit + " and " + limit);
        }
    }
}
