package dev.orden.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReceiverUrlTest {

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/hook", "http://localhost/hook", "https://10.1.2.3/",
            "https://172.16.0.1/", "https://192.168.1.10/", "http://169.254.169.254/latest/meta-data/",
            "http://[::1]/", "http://[fe80::1]/", "http://[fd12:3456::1]/", "http://0.0.0.0/", "http://100.64.0.1/",
            "http://[::ffff:127.0.0.1]/"})
    void internalAddressesAreRefusedWhenTheSettingIsOff(String url) {
        var refusal = ReceiverUrl.refusal(url, false);
        assertTrue(refusal.isPresent(), url);
        assertTrue(refusal.get().contains("loopback, private or link-local"), refusal.get());
    }

    @Test
    void theSettingAllowsThemForDevelopmentAndTests() {
        assertEquals(Optional.empty(), ReceiverUrl.refusal("http://127.0.0.1:8080/hook", true));
    }

    @Test
    void publicAddressesPass() {
        assertEquals(Optional.empty(), ReceiverUrl.refusal("https://93.184.215.14/hook", false));
        assertEquals(Optional.empty(), ReceiverUrl.refusal("https://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]/", false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.com/", "example.com/hook", "https://user:pw@example.com/",
            "https:///nohost", "https://example.com/#frag", "http://exa mple.com/"})
    void malformedUrlsAreRefusedBeforeAnyLookup(String url) {
        assertTrue(ReceiverUrl.malformed(url).isPresent(), url);
    }

    @Test
    void publicAddressesAreNotInternal() throws Exception {
        assertFalse(ReceiverUrl.isInternal(InetAddress.getByName("8.8.8.8")));
        assertTrue(ReceiverUrl.isInternal(InetAddress.getByName("198.18.0.1")));
    }
}
