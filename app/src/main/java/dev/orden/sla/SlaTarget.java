package dev.orden.sla;

/** The two clocks of an order, by the name the API, the jobs and the {@code sla.breached} event use. */
public enum SlaTarget {
    FIRST_RESPONSE("firstResponse", "first_response"),
    RESOLUTION("resolution", "resolution");

    private final String key;
    private final String column;

    SlaTarget(String key, String column) {
        this.key = key;
        this.column = column;
    }

    public String key() {
        return key;
    }

    String column() {
        return column;
    }

    static SlaTarget of(String key) {
        for (var target : values()) if (target.key.equals(key)) return target;
        throw new IllegalArgumentException("unknown SLA target " + key);
    }
}
