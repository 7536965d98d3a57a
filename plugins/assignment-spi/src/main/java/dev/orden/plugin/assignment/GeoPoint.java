package dev.orden.plugin.assignment;

/** A place on Earth in decimal degrees (WGS 84), as a location custom field holds it. */
public record GeoPoint(double lat, double lon) {

    /** Mean Earth radius (IUGG), in kilometres. */
    private static final double EARTH_RADIUS_KM = 6371.0088;

    public GeoPoint {
        if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException("not a place: lat " + lat + ", lon " + lon);
        }
    }

    /** The great-circle distance (haversine formula), in kilometres. */
    public double distanceKm(GeoPoint other) {
        double dLat = Math.toRadians(other.lat - lat);
        double dLon = Math.toRadians(other.lon - lon);
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(lat)) * Math.cos(Math.toRadians(other.lat)) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
