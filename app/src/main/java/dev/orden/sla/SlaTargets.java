package dev.orden.sla;

import dev.orden.sla.BusinessCalendar.Hours;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SLA of one type and priority under a configuration bundle: the calendar that times it (the {@code sla} part's
 * calendar naming the type, else its first calendar naming no types, else round the clock in UTC) and its targets
 * (the calendar's target for the type and priority, else for the type, else the type's own {@code sla}).
 */
public record SlaTargets(String calendarKey, BusinessCalendar calendar, Optional<Duration> firstResponse,
        Optional<Duration> resolution) {

    private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

    public boolean any() {
        return firstResponse.isPresent() || resolution.isPresent();
    }

    Optional<Duration> of(SlaTarget target) {
        return target == SlaTarget.FIRST_RESPONSE ? firstResponse : resolution;
    }

    public static SlaTargets of(JsonObject bundle, String type, String priority) {
        var calendars = objects(bundle.get("sla"));
        var chosen = calendars.stream().filter(c -> strings(c.get("types")).contains(type)).findFirst()
                .or(() -> calendars.stream().filter(c -> strings(c.get("types")).isEmpty()).findFirst());
        var own = ownTargets(bundle, type);
        var specific = chosen.map(c -> target(c, type, priority)
                .or(() -> target(c, type, null))).flatMap(t -> t);
        var first = duration(specific, "firstResponse").or(() -> duration(own, "firstResponse"));
        var resolution = duration(specific, "resolution").or(() -> duration(own, "resolution"));
        return new SlaTargets(chosen.map(c -> c.getString("key", "")).orElse(null),
                chosen.map(SlaTargets::calendar).orElse(BusinessCalendar.always(ZoneOffset.UTC)), first, resolution);
    }

    static BusinessCalendar calendar(JsonObject definition) {
        var zone = ZoneId.of(definition.getString("zone", "UTC"));
        var holidays = new HashSet<LocalDate>();
        strings(definition.get("holidays")).forEach(day -> holidays.add(LocalDate.parse(day)));
        var hours = objects(definition.get("hours"));
        if (hours.isEmpty()) return new BusinessCalendar(zone, BusinessCalendar.always(zone).week(), holidays);
        Map<DayOfWeek, List<Hours>> week = new EnumMap<>(DayOfWeek.class);
        for (var interval : hours) {
            var to = interval.getString("to");
            var span = new Hours(LocalTime.parse(interval.getString("from")), to.equals("24:00") ? null : LocalTime.parse(to));
            for (var day : strings(interval.get("days"))) {
                week.computeIfAbsent(DayOfWeek.of(DAYS.indexOf(day) + 1), d -> new ArrayList<>()).add(span);
            }
        }
        week.values().forEach(list -> list.sort((a, b) -> a.start().compareTo(b.start())));
        return new BusinessCalendar(zone, week, holidays);
    }

    private static Optional<JsonObject> target(JsonObject calendar, String type, String priority) {
        return objects(calendar.get("targets")).stream()
                .filter(t -> type.equals(t.getString("type", null)))
                .filter(t -> priority == null ? !t.containsKey("priority") : priority.equals(t.getString("priority", null)))
                .findFirst();
    }

    private static Optional<JsonObject> ownTargets(JsonObject bundle, String type) {
        return objects(bundle.get("types")).stream().filter(t -> type.equals(t.getString("key", null)))
                .findFirst().map(t -> t.get("sla") instanceof JsonObject sla ? sla : null);
    }

    private static Optional<Duration> duration(Optional<JsonObject> holder, String name) {
        return holder.map(h -> h.get(name) instanceof JsonString s ? Duration.parse(s.getString()) : null);
    }

    private static List<JsonObject> objects(JsonValue value) {
        return value instanceof JsonArray array
                ? array.stream().filter(JsonObject.class::isInstance).map(JsonObject.class::cast).toList() : List.of();
    }

    private static List<String> strings(JsonValue value) {
        return value instanceof JsonArray array
                ? array.stream().filter(JsonString.class::isInstance).map(v -> ((JsonString) v).getString()).toList()
                : List.of();
    }
}
