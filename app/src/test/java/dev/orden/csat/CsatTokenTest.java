package dev.orden.csat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.orden.shared.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CsatTokenTest {

    private static final byte[] SECRET = "a-secret".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private final UUID tenant = UUID.randomUUID();
    private final UUID order = UUID.randomUUID();

    @Test
    void aSignedTokenReadsBackUntilItExpires() {
        var token = new CsatToken(tenant, order, NOW.plusSeconds(3600));
        var text = token.sign(SECRET);

        var valid = assertInstanceOf(CsatToken.Valid.class, CsatToken.read(text, SECRET, NOW));
        assertEquals(token, valid.token());
        assertInstanceOf(CsatToken.Valid.class, CsatToken.read(text, SECRET, NOW.plusSeconds(3599)));
        assertInstanceOf(CsatToken.Expired.class, CsatToken.read(text, SECRET, NOW.plusSeconds(3600)));
    }

    @Test
    void anyChangeToThePayloadOrSignatureIsInvalidEvenWhenExpired() {
        var text = new CsatToken(tenant, order, NOW.minusSeconds(10)).sign(SECRET);
        var dot = text.indexOf('~');
        var otherTenant = new CsatToken(UUID.randomUUID(), order, NOW.minusSeconds(10)).sign(SECRET);
        var forged = otherTenant.substring(0, otherTenant.indexOf('~')) + text.substring(dot);

        assertInstanceOf(CsatToken.Expired.class, CsatToken.read(text, SECRET, NOW));
        assertInstanceOf(CsatToken.Invalid.class, CsatToken.read(forged, SECRET, NOW));
        assertInstanceOf(CsatToken.Invalid.class, CsatToken.read(text, "another".getBytes(), NOW));
        var badSignature = text.substring(0, text.length() - 2) + "AA";
        assertInstanceOf(CsatToken.Invalid.class, CsatToken.read(badSignature, SECRET, NOW));
        var junks = new String[] {null, "", ".", "abc", "a~b~c", "a.b", text + "~x", "%%%~" + text.substring(dot + 1)};
        for (var junk : junks) {
            assertInstanceOf(CsatToken.Invalid.class, CsatToken.read(junk, SECRET, NOW), String.valueOf(junk));
        }
    }

    @Test
    void aWellSignedPayloadOfAnotherShapeIsInvalid() {
        var encoded = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("v2." + tenant + "." + order + ".99999999999").getBytes(StandardCharsets.UTF_8));
        var signed = new CsatToken(tenant, order, NOW).sign(SECRET);
        assertInstanceOf(CsatToken.Invalid.class, CsatToken.read(encoded + signed.substring(signed.indexOf('~')),
                SECRET, NOW));
    }

    @Test
    void linksAreValidForTheConfiguredTimeAndAnswer404Or410() {
        var links = new CsatLinks();
        links.secret = "configured";
        links.validity = Duration.ofDays(30);
        links.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        var text = links.token(tenant, order);

        assertEquals(NOW.plus(Duration.ofDays(30)), links.valid(text).expiresAt());
        links.clock = Clock.fixed(NOW.plus(Duration.ofDays(30)), ZoneOffset.UTC);
        assertEquals(410, assertThrows(ProblemException.class, () -> links.valid(text)).problem().status());
        links.secret = "rotated";
        assertEquals(404, assertThrows(ProblemException.class, () -> links.valid(text)).problem().status());
    }
}
