package dev.orden.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SignatureTest {

    private static final String BODY = "{\"id\":\"d1\"}";

    @Test
    void signsTheTimestampDotBodyWithHmacSha256AsOpenSslDoes() {
        // echo -n '1700000000.{"id":"d1"}' | openssl dgst -sha256 -hmac whsec_test
        assertEquals("t=1700000000,v1=7aa818774b12d07b487b77188a423aa42da8d52da13f1fface316ecdf0a91f53",
                Signature.header(1_700_000_000L, BODY, List.of("whsec_test")));
    }

    @Test
    void afterARotationBothSecretsSignNewestFirst() {
        assertEquals("t=1700000000,v1=7aa818774b12d07b487b77188a423aa42da8d52da13f1fface316ecdf0a91f53"
                        + ",v1=f66465a81bdd995a37f73329ed2689e0284a2ee2f8a0e670dec75421118daf29",
                Signature.header(1_700_000_000L, BODY, List.of("whsec_test", "whsec_old")));
    }

    @Test
    void theTimestampIsPartOfWhatIsSigned() {
        assertNotEquals(Signature.hmac("whsec_test", "1700000000." + BODY),
                Signature.hmac("whsec_test", "1700000001." + BODY));
    }

    @Test
    void generatedSecretsAreLongRandomAndPrefixed() {
        var one = SecretBox.generate();
        assertEquals(true, one.startsWith("whsec_") && one.length() >= 6 + 43, one);
        assertNotEquals(one, SecretBox.generate());
    }
}
