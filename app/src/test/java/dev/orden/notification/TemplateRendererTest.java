package dev.orden.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateRendererTest {

    private static final Map<String, Object> MODEL = Map.of(
            "number", "WO-7", "title", "Fuga <b>grave</b> & \"urgente\"",
            "fields", List.of(Map.of("label", "Modelo", "value", "X100"), Map.of("label", "Planta", "value", "3")),
            "field", Map.of("model", "X100"));

    @Test
    void rendersValuesListsAndFieldsByKeyAsWrittenInText() {
        var text = TemplateRenderer.text("{{number}}: {{title}}\n{{#fields}}{{label}}={{value}};{{/fields}} {{field.model}}",
                MODEL, 1000);
        assertEquals("WO-7: Fuga <b>grave</b> & \"urgente\"\nModelo=X100;Planta=3; X100", text);
    }

    @Test
    void htmlEscapesTheTemplateAndTheValuesAlike() {
        var text = TemplateRenderer.text("<a href=\"javascript:x\">{{title}}</a>", MODEL, 1000);
        var html = TemplateRenderer.html(text, "https://portal/workorders/WO-7?a=1&b=2");
        assertFalse(html.contains("<b>"), html);
        assertFalse(html.contains("<a href=\"javascript"), html);
        assertTrue(html.contains("&lt;a href=&quot;javascript:x&quot;&gt;Fuga &lt;b&gt;grave&lt;/b&gt; &amp; "
                + "&quot;urgente&quot;&lt;/a&gt;"), html);
        assertTrue(html.contains("<a href=\"https://portal/workorders/WO-7?a=1&amp;b=2\">"), html);
    }

    @Test
    void noPartialIsResolvedAndNoObjectIsLookedInto() {
        assertThrows(TemplateRenderer.Invalid.class,
                () -> TemplateRenderer.text("{{> META-INF/persistence.xml}}", MODEL, 1000));
        assertNotNull(TemplateRenderer.check("{{> /etc/passwd}}"));
        assertEquals("[][]", TemplateRenderer.text("[{{title.class}}][{{title.bytes}}]", MODEL, 1000),
                "methods of the values are not reachable");
    }

    @Test
    void aBrokenTemplateSaysWhy() {
        assertNotNull(TemplateRenderer.check("{{#fields}} never closed"));
        assertNull(TemplateRenderer.check("{{number}} {{#fields}}{{label}}{{/fields}}"));
    }

    @Test
    void subjectsAreOneBoundedLineAndBodiesBounded() {
        assertEquals("WO-7 a b", TemplateRenderer.subject("{{number}}\n  a\r\nb ", MODEL));
        var long1 = TemplateRenderer.subject("x".repeat(1000), MODEL);
        assertEquals(TemplateRenderer.MAX_SUBJECT, long1.length());
        assertTrue(long1.endsWith("…"));
        var body = TemplateRenderer.text("{{#fields}}{{label}}{{value}}{{/fields}}".repeat(10), MODEL, 50);
        assertEquals(50, body.length());
    }
}
