package dev.orden.csat;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signed rating link's token: {@code base64url(v1.tenant.order.expiry)} + "~" + {@code base64url(HMAC-SHA256)}
 * (no dot, so the portal serves {@code /portal/rate/<token>} as a page, not as a file).
 * It says which order of which tenant may be rated and until when; nothing in it is secret, the signature makes it
 * unforgeable. Single use is the rating table's business (one rating per order), not the token's.
 */
public record CsatToken(UUID tenantId, UUID orderId, Instant expiresAt) {

    private static final String VERSION = "v1";
    private static final char SEPARATOR = '~';
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /** What a token read back is: a valid one, one whose time ran out, or one that is not ours. */
    public sealed interface Reading {}

    public record Valid(CsatToken token) implements Reading {}

    public record Expired(CsatToken token) implements Reading {}

    public record Invalid() implements Reading {}

    public String sign(byte[] secret) {
        var payload = String.join(".", VERSION, tenantId.toString(), orderId.toString(),
                Long.toString(expiresAt.getEpochSecond()));
        var encoded = ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return encoded + SEPARATOR + ENCODER.encodeToString(mac(secret, encoded));
    }

    /** Reads {@code text}: a bad signature or shape is {@link Invalid} whatever its expiry says. */
    public static Reading read(String text, byte[] secret, Instant now) {
        return parse(text, secret)
                .<Reading>map(token -> now.isBefore(token.expiresAt()) ? new Valid(token) : new Expired(token))
                .orElseGet(Invalid::new);
    }

    private static Optional<CsatToken> parse(String text, byte[] secret) {
        if (text == null || text.length() > 512) return Optional.empty();
        var split = text.indexOf(SEPARATOR);
        if (split < 1 || split != text.lastIndexOf(SEPARATOR)) return Optional.empty();
        var encoded = text.substring(0, split);
        try {
            var signature = DECODER.decode(text.substring(split + 1));
            if (!MessageDigest.isEqual(signature, mac(secret, encoded))) return Optional.empty();
            var parts = new String(DECODER.decode(encoded), StandardCharsets.UTF_8).split("\\.");
            if (parts.length != 4 || !parts[0].equals(VERSION)) return Optional.empty();
            return Optional.of(new CsatToken(UUID.fromString(parts[1]), UUID.fromString(parts[2]),
                    Instant.ofEpochSecond(Long.parseLong(parts[3]))));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private static byte[] mac(byte[] secret, String encoded) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(encoded.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
