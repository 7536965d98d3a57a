package dev.orden.portal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PortalPagesTest {

    @Test
    void routesAreAnsweredWithThePage() {
        assertTrue(PortalPages.isPage("/portal/"));
        assertTrue(PortalPages.isPage("/portal/workorders/WO-12"));
        assertTrue(PortalPages.isPage("/portal/workorders/6f1c2a50-0d6b-4c3e-9a57-2b1f0c7e9d11"));
    }

    @Test
    void filesAreServedAsTheyAre() {
        assertFalse(PortalPages.isPage("/portal/index.html"));
        assertFalse(PortalPages.isPage("/portal/js/app.js"));
        assertFalse(PortalPages.isPage("/portal/portal.css"));
        assertFalse(PortalPages.isPage("/portalx/"));
    }
}
