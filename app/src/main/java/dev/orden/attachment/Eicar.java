package dev.orden.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The EICAR anti-virus test file, as its publisher defines it: the 68 characters below at the very start of the
 * file, optionally followed by white space (space, tab, LF, CR, Ctrl-Z) only, 128 bytes at most in all. What every
 * scanner reports as {@value #SIGNATURE}; a file that merely mentions the string is not it.
 */
final class Eicar {

    static final String SIGNATURE = "Eicar-Test-Signature";
    static final byte[] STRING = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"
            .getBytes(StandardCharsets.US_ASCII);
    static final int MAX_LENGTH = 128;

    private Eicar() {}

    /** Reads at most {@value #MAX_LENGTH} + 1 bytes of the content. */
    static boolean matches(InputStream content) throws IOException {
        var head = content.readNBytes(MAX_LENGTH + 1);
        if (head.length > MAX_LENGTH || head.length < STRING.length) return false;
        for (int i = 0; i < STRING.length; i++) if (head[i] != STRING[i]) return false;
        for (int i = STRING.length; i < head.length; i++) {
            if (!whiteSpace(head[i])) return false;
        }
        return true;
    }

    private static boolean whiteSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == 0x1A;
    }
}
