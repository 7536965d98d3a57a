package dev.orden.attachment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orden.plugin.spi.ProviderConfig;
import dev.orden.plugin.storage.ContentScanner.ScannedFile;
import dev.orden.plugin.storage.ScanVerdict;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EicarTest {

    static final String EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

    private static boolean matches(String content) throws IOException {
        return Eicar.matches(new ByteArrayInputStream(content.getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void theTestFileAloneOrFollowedByWhiteSpace() throws IOException {
        assertEquals(68, EICAR.length());
        assertTrue(matches(EICAR));
        assertTrue(matches(EICAR + "\r\n"));
        assertTrue(matches(EICAR + " \t\n\u001A" + " ".repeat(128 - 72)));
    }

    @Test
    void notWhenAnythingElseIsThereOrItIsTooLong() throws IOException {
        assertFalse(matches(EICAR + " ".repeat(128 - 68 + 1)), "129 bytes");
        assertFalse(matches(EICAR + "x"));
        assertFalse(matches(" " + EICAR));
        assertFalse(matches(EICAR.substring(0, 67)));
        assertFalse(matches(EICAR.replace('X', 'Y')));
        assertFalse(matches("The EICAR file starts X5O!P%@AP: see " + EICAR));
    }

    @Test
    void theBuiltInScannerRefusesItByItsSignatureName() throws IOException {
        var factory = new EicarScannerFactory();
        factory.init(ProviderConfig.empty());
        try (var scanner = factory.create(null)) {
            var bytes = EICAR.getBytes(StandardCharsets.US_ASCII);
            var verdict = scanner.scan(new ScannedFile("eicar.txt", "text/plain", bytes.length),
                    new ByteArrayInputStream(bytes));
            assertEquals(ScanVerdict.infected("Eicar-Test-Signature"), verdict);
            var clean = "ordinary notes".getBytes(StandardCharsets.US_ASCII);
            assertTrue(scanner.scan(new ScannedFile("n.txt", "text/plain", clean.length),
                    new ByteArrayInputStream(clean)).isClean());
        }
    }

    @Test
    void itCanBeSwitchedOff() {
        var factory = new EicarScannerFactory();
        factory.init(new ProviderConfig(Map.of("enabled", "false")));
        assertFalse(factory.enabled());
    }
}
