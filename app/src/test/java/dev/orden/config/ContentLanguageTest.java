package dev.orden.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContentLanguageTest {

    @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "NULL | es",
        "'' | es",
        "en | en",
        "EN | en",
        "es | es",
        "en-US | en",
        "es-MX | es",
        "en_GB | en",
        "fr | es",
        "fr, en;q=0.5 | en",
        "es;q=0.4, en;q=0.8 | en",
        "en;q=0.4, es-MX;q=0.9 | es",
        "de-DE, en-GB;q=0.9, es;q=0.8 | en",
        "en, es | en",
        "es, en | es",
        "en;q=0.5, es;q=0.5 | en",
        "en;q=0 | es",
        "es;q=0, * | en",
        "en;q=0, * | es",
        "* | es",
        "en;q=abc, es;q=0.1 | es",
        "en;q=2, es;q=0.1 | es",
        "en ; Q=0.9 , es;q=0.8 | en",
        "fr-CA;q=1, pt | es",
    })
    void picksTheBestSupportedLanguage(String header, String expected) {
        assertEquals(expected, ContentLanguage.negotiate(header));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"es\":\"Reparación\",\"en\":\"Repair\"} | es | Reparación",
        "{\"es\":\"Reparación\",\"en\":\"Repair\"} | en | Repair",
        "{\"en\":\"Repair\"} | es | Repair",
        "{} | es | fallback",
        "\"x\" | es | fallback",
    })
    void picksATextInTheLanguageElseEnglishElseTheFallback(String texts, String language, String expected) {
        assertEquals(expected, ContentLanguage.pick(BundleValidationTest.parseValue(texts), language, "fallback"));
    }
}
