package dev.orden.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signing secrets: made here (256 random bits), shown to the admin once, and stored only encrypted with the server's
 * key (AES-GCM), so that neither the API nor a reader of the database gets them back.
 */
@ApplicationScoped
class SecretBox {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PREFIX = "whsec_";
    private static final int IV_BYTES = 12;

    @Inject
    WebhookSettings settings;

    static String generate() {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    String seal(String secret) {
        var iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        var sealed = crypt(Cipher.ENCRYPT_MODE, iv, secret.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed)
                .array());
    }

    String open(String sealed) {
        var bytes = Base64.getDecoder().decode(sealed);
        var iv = java.util.Arrays.copyOf(bytes, IV_BYTES);
        var text = java.util.Arrays.copyOfRange(bytes, IV_BYTES, bytes.length);
        return new String(crypt(Cipher.DECRYPT_MODE, iv, text), StandardCharsets.UTF_8);
    }

    private byte[] crypt(int mode, byte[] iv, byte[] input) {
        try {
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(Base64.getDecoder().decode(settings.secretKey()), "AES"),
                    new GCMParameterSpec(128, iv));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Webhook secret could not be " + (mode == Cipher.ENCRYPT_MODE
                    ? "encrypted" : "decrypted (was orden.webhooks.secret-key changed?)"), e);
        }
    }
}
