package dev.orden.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SecurityHeadersTest {

    @Test
    void thePortalPolicyAllowsThisOriginAndKeycloakOnlyAndNoInlineCode() {
        var policy = SecurityHeaders.portalPolicy("https://sso.example.com/auth/");
        assertTrue(policy.contains("script-src 'self';"), policy);
        assertTrue(policy.contains("connect-src 'self' https://sso.example.com;"), policy);
        assertTrue(policy.contains("frame-ancestors 'none'"), policy);
        assertFalse(policy.contains("unsafe"), policy);
        assertTrue(SecurityHeaders.portalPolicy("http://127.0.0.1:8180")
                .contains("connect-src 'self' http://127.0.0.1:8180;"));
    }

    @Test
    void everythingButThePortalMayLoadNothingAndBeFramedByNoOne() {
        assertTrue(SecurityHeaders.API_POLICY.startsWith("default-src 'none';"));
        assertTrue(SecurityHeaders.API_POLICY.contains("frame-ancestors 'none'"));
        assertTrue(SecurityHeaders.API_POLICY.contains("sandbox"));
    }

    @Test
    void thePortalIsItsPathAndWhatIsUnderIt() {
        assertTrue(SecurityHeaders.isPortal("/portal"));
        assertTrue(SecurityHeaders.isPortal("/portal/workorders/WO-1"));
        assertFalse(SecurityHeaders.isPortal("/portalx/"));
        assertFalse(SecurityHeaders.isPortal("/api/v1/portal/config"));
    }
}
