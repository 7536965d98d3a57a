package dev.orden.plugin.assignment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class GeoPointTest {

    private static final GeoPoint PUERTA_DEL_SOL = new GeoPoint(40.4169, -3.7035);
    private static final GeoPoint PLACA_CATALUNYA = new GeoPoint(41.3870, 2.1700);

    @Test
    void measuresGreatCircleDistances() {
        assertEquals(505.0, PUERTA_DEL_SOL.distanceKm(PLACA_CATALUNYA), 2.0);
        assertEquals(PUERTA_DEL_SOL.distanceKm(PLACA_CATALUNYA), PLACA_CATALUNYA.distanceKm(PUERTA_DEL_SOL), 1e-9);
        assertEquals(0.0, PUERTA_DEL_SOL.distanceKm(PUERTA_DEL_SOL), 1e-9);
    }

    @Test
    void crossesTheAntimeridianTheShortWay() {
        assertEquals(111.2, new GeoPoint(0, 179.5).distanceKm(new GeoPoint(0, -179.5)), 0.5);
    }

    @Test
    void refusesWhatIsNoPlace() {
        assertThrows(IllegalArgumentException.class, () -> new GeoPoint(91, 0));
        assertThrows(IllegalArgumentException.class, () -> new GeoPoint(0, -180.5));
        assertThrows(IllegalArgumentException.class, () -> new GeoPoint(Double.NaN, 0));
    }
}
