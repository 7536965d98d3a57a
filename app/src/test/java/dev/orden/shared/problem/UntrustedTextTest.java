package dev.orden.shared.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.json.Json;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class UntrustedTextTest {

    @Test
    void textThatPostgresqlAndUnicodeAcceptPasses() {
        for (var text : List.of("", "plain", "e\u0301 combining", "\uD83D\uDCA9 pair", "\u202E rtl", "\uFEFF bom",
                "日本語", "tab\tand\nnewline")) {
            assertNull(UntrustedText.problemOf(text), text);
        }
    }

    @Test
    void nulAndUnpairedSurrogatesAreNamed() {
        assertNotNull(UntrustedText.problemOf("a\u0000b"));
        assertNotNull(UntrustedText.problemOf("high \uD800 alone"));
        assertNotNull(UntrustedText.problemOf("low \uDC00 first"));
        assertNotNull(UntrustedText.problemOf("ends high \uD83D"));
        assertNotNull(UntrustedText.problemOf("\uDCA9\uD83D reversed"));
    }

    @Test
    void everyBadStringAndMemberNameIsReportedByItsPath() {
        var body = json("""
                {"title": "ok", "description": "nul \\u0000", "customFields": {"a": ["fine", "half \\ud800"],
                 "bad\\u0000name": 1}, "nested": [{"deep": {"x": "\\udc00"}}]}""");
        assertEquals(List.of(new FieldError("description", "must not contain the NUL character (\\u0000)"),
                        new FieldError("customFields.a[1]", "is not valid Unicode text (an unpaired surrogate)"),
                        new FieldError("customFields.bad\uFFFDname", "name must not contain the NUL character (\\u0000)"),
                        new FieldError("nested[0].deep.x", "is not valid Unicode text (an unpaired surrogate)")),
                UntrustedText.problemsIn(body));
        assertEquals(List.of(new FieldError("body", "must not contain the NUL character (\\u0000)")),
                UntrustedText.problemsIn(json("\"\\u0000\"")));
    }

    @Test
    void nestingDepthCountsBracketsOutsideStringsOnly() {
        assertEquals(0, depth("1"));
        assertEquals(1, depth("{}"));
        assertEquals(3, depth("{\"a\": [1, {\"b\": 2}], \"c\": []}"));
        assertEquals(100_000, depth("[".repeat(100_000) + "]".repeat(100_000)));
        assertEquals(1, depth("{\"t\": \"[[[{{{ \\\" [[[ \"}"));
        assertEquals(3, depth("{\"ñandú [\": [\"\\\\\", {}]}"));
    }

    private static int depth(String json) {
        return UntrustedText.nestingDepth(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static jakarta.json.JsonValue json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }
}
