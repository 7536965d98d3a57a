package dev.orden.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code Orden-Signature} header: {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">}, one {@code v1}
 * per secret that signs (two for a while after a rotation). The timestamp is signed so that a receiver can refuse
 * old deliveries replayed at it.
 */
final class Signature {

    static final String HEADER = "Orden-Signature";

    private Signature() {}

    static String header(long timestamp, String body, List<String> secrets) {
        return "t=" + timestamp + secrets.stream().map(secret -> ",v1=" + hmac(secret, timestamp + "." + body))
                .collect(Collectors.joining());
    }

    static String hmac(String secret, String message) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
