package dev.orden.plugin.assignment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * An agent who could take the order, as the host knows them now: availability, optional capacity (the most open
 * orders they may hold), skills and areas (their teams' and their own, lower case), home if known, and the orders
 * they hold that are still to be done, counted by priority ({@code LOW}, {@code NORMAL}, {@code HIGH},
 * {@code URGENT}). The {@code with…} methods make changed copies, for hosts and tests.
 */
public record Candidate(String id, String email, String name, Availability availability, Integer capacity,
                        Set<String> skills, Set<String> areas, GeoPoint home, Map<String, Integer> openByPriority) {

    public Candidate {
        if (id == null || id.isBlank()) throw new IllegalArgumentException("a candidate has an id");
        availability = availability == null ? Availability.ACTIVE : availability;
        skills = lowerCase(skills);
        areas = Set.copyOf(areas == null ? Set.of() : areas);
        openByPriority = Map.copyOf(openByPriority == null ? Map.of() : openByPriority);
    }

    /** An active agent with no capacity limit, skills, areas, home or open orders. */
    public static Candidate of(String id, String email, String name) {
        return new Candidate(id, email, name, Availability.ACTIVE, null, Set.of(), Set.of(), null, Map.of());
    }

    /** How many open orders the agent holds, whatever their priority. */
    public int openOrders() {
        return openByPriority.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** At or above their capacity: no more work until some is done. */
    public boolean isFull() {
        return capacity != null && openOrders() >= capacity;
    }

    /** Active and not full: a strategy may choose them. */
    public boolean isAvailable() {
        return availability == Availability.ACTIVE && !isFull();
    }

    /** The open orders weighted by priority; a priority without a weight counts {@code defaultWeight}. */
    public double load(Map<String, ? extends Number> weights, double defaultWeight) {
        return openByPriority.entrySet().stream().mapToDouble(e -> e.getValue()
                * (weights.containsKey(e.getKey()) ? weights.get(e.getKey()).doubleValue() : defaultWeight)).sum();
    }

    /**
     * How closely the agent's areas cover an order's area: {@code areaPath} is the order's area then its ancestors
     * up the tree; the answer is the index of the first one the agent covers (0: that very area, 1: its parent…),
     * or -1 when none is theirs.
     */
    public int coverage(List<String> areaPath) {
        for (int i = 0; i < areaPath.size(); i++) {
            if (areas.contains(areaPath.get(i))) return i;
        }
        return -1;
    }

    public boolean hasSkills(Set<String> required) {
        return required.stream().allMatch(s -> skills.contains(s.toLowerCase(Locale.ROOT)));
    }

    /** How the agent is named in reasons: their name, else their e-mail, else their id. */
    public String label() {
        return name != null && !name.isBlank() ? name : email != null ? email : id;
    }

    /** Why the agent cannot be chosen now, or null when they can. */
    public String unavailability() {
        if (availability == Availability.AWAY) return label() + " is away";
        if (isFull()) return label() + " is full (" + openOrders() + "/" + capacity + ")";
        return null;
    }

    public Candidate withAvailability(Availability value) {
        return new Candidate(id, email, name, value, capacity, skills, areas, home, openByPriority);
    }

    public Candidate away() {
        return withAvailability(Availability.AWAY);
    }

    public Candidate withCapacity(Integer value) {
        return new Candidate(id, email, name, availability, value, skills, areas, home, openByPriority);
    }

    public Candidate withSkills(String... values) {
        return new Candidate(id, email, name, availability, capacity, Set.of(values), areas, home, openByPriority);
    }

    public Candidate withAreas(String... values) {
        return new Candidate(id, email, name, availability, capacity, skills, Set.of(values), home, openByPriority);
    }

    public Candidate withHome(double lat, double lon) {
        return new Candidate(id, email, name, availability, capacity, skills, areas, new GeoPoint(lat, lon),
                openByPriority);
    }

    /** A copy holding {@code count} open orders of {@code priority} (replacing that priority's count). */
    public Candidate withOpen(String priority, int count) {
        var open = new LinkedHashMap<>(openByPriority);
        open.put(priority, count);
        return new Candidate(id, email, name, availability, capacity, skills, areas, home, open);
    }

    private static Set<String> lowerCase(Set<String> values) {
        var lower = new TreeSet<String>();
        if (values != null) values.forEach(v -> lower.add(v.toLowerCase(Locale.ROOT)));
        return Set.copyOf(lower);
    }
}
