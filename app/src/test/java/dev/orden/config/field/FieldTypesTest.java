package dev.orden.config.field;

import static dev.orden.config.field.FieldFixtures.fields;
import static dev.orden.config.field.FieldFixtures.value;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every type with valid values and each way a value can be wrong: the value is stored under key "x". */
class FieldTypesTest {

    private static final String USER = "'6f1c2a7e-0b1d-4c8e-9a0f-3b2c1d4e5f60'";
    private static final String OPTIONS =
            "'options':[{'value':'a','label':{'es':'A','en':'A'}},{'value':'b','label':{'es':'B','en':'B'}},"
                    + "{'value':'c','label':{'es':'C','en':'C'}}]";

    static Stream<Arguments> valid() {
        return Stream.of(
                row("'type':'text'", "'hello'"),
                row("'type':'text','minLength':2,'maxLength':3", "'abc'"),
                row("'type':'text','maxLength':2", "'😀😀'"),
                row("'type':'text','pattern':'[A-Z]{3}-[0-9]+'", "'ABC-12'"),
                row("'type':'longtext'", "'line one\\nline two'"),
                row("'type':'number'", "-12.375"),
                row("'type':'number','min':0,'max':10,'decimals':1", "10.0"),
                row("'type':'number','decimals':0", "7"),
                row("'type':'number','decimals':2", "2.50"),
                row("'type':'number','decimals':1", "2.50"),
                row("'type':'number','decimals':0", "100.00"),
                row("'type':'money','currency':'EUR'", "19.990"),
                row("'type':'money','currency':'EUR'", "19.99"),
                row("'type':'money','currency':'EUR','min':0", "0"),
                row("'type':'money','currency':'JPY','decimals':0", "1500"),
                row("'type':'date'", "'2026-02-28'"),
                row("'type':'datetime'", "'2026-03-01T10:15:00+01:00'"),
                row("'type':'datetime'", "'2026-03-01T10:15:00.123Z'"),
                row("'type':'boolean'", "false"),
                row("'type':'select'," + OPTIONS, "'b'"),
                row("'type':'multiselect'," + OPTIONS, "['a','c']"),
                row("'type':'multiselect','minItems':1,'maxItems':2," + OPTIONS, "['c']"),
                row("'type':'user'", USER),
                row("'type':'email'", "'ana.lopez+orden@acme.example.es'"),
                row("'type':'phone'", "'+34 600-123-456'"),
                row("'type':'phone'", "'+123456'"),
                row("'type':'phone','pattern':'[+]34[0-9]{9}'", "'+34 600 123 456'"),
                row("'type':'url'", "'https://acme.example/manual?id=3'"),
                row("'type':'url'", "'HTTP://acme.example'"),
                row("'type':'location'", "{'address':'Calle Mayor 1, Madrid'}"),
                row("'type':'location'", "{'address':'Polo Sur','lat':-90,'lon':180}"),
                row("'type':'attachment'", "{'id':'f-1','name':'invoice.pdf'}"),
                row("'type':'attachment','maxItems':2", "[{'id':'f-1','name':'a.png'},{'id':'f-2','name':'b.png'}]"));
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                row("'type':'text'", "12", "must be a string, not a number"),
                row("'type':'text'", "'two\\nlines'", "must be a single line"),
                row("'type':'text','minLength':3", "'ab'", "must have at least 3 characters"),
                row("'type':'text','maxLength':1", "'😀😀'", "must have at most 1 characters"),
                row("'type':'text','pattern':'[A-Z]{3}'", "'ABCD'", "does not match the pattern [A-Z]{3}"),
                row("'type':'text','pattern':'[0-9]+','maxLength':2", "'abc'",
                        "must have at most 2 characters", "does not match the pattern [0-9]+"),
                row("'type':'longtext'", "['x']", "must be a string, not a array"),
                row("'type':'longtext','maxLength':3", "'a\\nbcd'", "must have at most 3 characters"),
                row("'type':'number'", "'12'", "must be a number, not a string"),
                row("'type':'number','min':1", "0.5", "must be at least 1"),
                row("'type':'number','max':10", "10.01", "must be at most 10"),
                row("'type':'number','decimals':0", "2.5", "must be a whole number"),
                row("'type':'number','decimals':1", "2.25", "must have at most 1 decimals"),
                row("'type':'money','currency':'EUR'", "19.999", "must have at most 2 decimals"),
                row("'type':'money','currency':'EUR'", "{'amount':1,'currency':'EUR'}",
                        "must be an amount as a number, not a object"),
                row("'type':'money','currency':'EUR','min':0", "-1", "must be at least 0"),
                row("'type':'money','currency':'JPY','decimals':0", "1.5", "must be a whole number"),
                row("'type':'date'", "'2026-02-30'", "must be a date as yyyy-MM-dd"),
                row("'type':'date'", "'28/02/2026'", "must be a date as yyyy-MM-dd"),
                row("'type':'date'", "'2026-2-1'", "must be a date as yyyy-MM-dd"),
                row("'type':'date'", "20260228", "must be a string, not a number"),
                row("'type':'datetime'", "'2026-03-01T10:15:00'",
                        "must be a date and time with offset, such as 2026-03-01T10:15:00+01:00"),
                row("'type':'datetime'", "'2026-03-01'",
                        "must be a date and time with offset, such as 2026-03-01T10:15:00+01:00"),
                row("'type':'boolean'", "'true'", "must be true or false, not a string"),
                row("'type':'boolean'", "1", "must be true or false, not a number"),
                row("'type':'select'," + OPTIONS, "'d'", "is not one of the options: a, b, c"),
                row("'type':'select'," + OPTIONS, "['a']", "must be a string, not a array"),
                row("'type':'multiselect'," + OPTIONS, "'a'", "must be an array of option values, not a string"),
                row("'type':'multiselect'," + OPTIONS, "['a','z']", "'z' is not one of the options: a, b, c"),
                row("'type':'multiselect'," + OPTIONS, "['a','a']", "'a' is repeated"),
                row("'type':'multiselect'," + OPTIONS, "['a',1]", "must hold only strings, not a number"),
                row("'type':'multiselect','minItems':2," + OPTIONS, "['a']", "must have at least 2 items"),
                row("'type':'multiselect','maxItems':2," + OPTIONS, "['a','b','c']", "must have at most 2 items"),
                row("'type':'user'", "'ana'", "must be a user id (a UUID)"),
                row("'type':'user'", "42", "must be a string, not a number"),
                row("'type':'email'", "'ana@'", "must be an email address"),
                row("'type':'email'", "'a@" + ("b".repeat(60) + ".").repeat(5) + "es'", "must be an email address"),
                row("'type':'email','pattern':'.*@acme[.]es'", "'ana@globex.es'",
                        "does not match the pattern .*@acme[.]es"),
                row("'type':'email'", "'ana lopez@acme.es'", "must be an email address"),
                row("'type':'email'", "'ana@localhost'", "must be an email address"),
                row("'type':'email'", "'a@b@acme.es'", "must be an email address"),
                row("'type':'phone','pattern':'[+]34[0-9]{9}'", "'+33 612 345 678'",
                        "does not match the pattern [+]34[0-9]{9}"),
                row("'type':'phone'", "'600123456'", "must be an international phone number: + and 6 to 15 digits"),
                row("'type':'phone'", "'+12345'", "must be an international phone number: + and 6 to 15 digits"),
                row("'type':'phone'", "'+1234567890123456'",
                        "must be an international phone number: + and 6 to 15 digits"),
                row("'type':'phone'", "'+34 (600) 123'", "must be an international phone number: + and 6 to 15 digits"),
                row("'type':'url'", "'http:acme.example'", "must be an absolute http or https URL"),
                row("'type':'url','pattern':'https://acme[.]example/.*'", "'https://other.example/'",
                        "does not match the pattern https://acme[.]example/.*"),
                row("'type':'url'", "'ftp://acme.example/file'", "must be an absolute http or https URL"),
                row("'type':'url'", "'javascript:alert(1)'", "must be an absolute http or https URL"),
                row("'type':'url'", "'/relative/path'", "must be an absolute http or https URL"),
                row("'type':'url'", "'https://bad host'", "must be an absolute http or https URL"),
                row("'type':'location'", "'Madrid'", "must be an object with address, lat and lon, not a string"),
                row("'type':'location'", "{'lat':40.4,'lon':-3.7}", "needs an address as a non-empty string"),
                row("'type':'location'", "{'address':'Madrid','lat':40.4}", "needs both lat and lon, or neither"),
                row("'type':'location'", "{'address':'Madrid','lat':90.5,'lon':-181}",
                        "lat must be between -90 and 90", "lon must be between -180 and 180"),
                row("'type':'location'", "{'address':'Madrid','lat':'40','lon':3}", "lat must be a number"),
                row("'type':'location'", "{'address':'Madrid','zip':'28001'}", "has an unknown member 'zip'"),
                row("'type':'attachment'", "{'id':'f-1'}", "needs name as a non-empty string"),
                row("'type':'attachment'", "{'id':3,'name':'a.pdf','size':3}",
                        "has an unknown member 'size'", "needs id as a non-empty string"),
                row("'type':'attachment'", "'f-1'", "must be an object with id and name, not a string"),
                row("'type':'attachment','maxItems':1", "[{'id':'f-1','name':'a.png'},{'id':'f-2','name':'b.png'}]",
                        "must have at most 1 items"),
                row("'type':'attachment'", "[{'upload':'u-1'}]", "has an unknown member 'upload'",
                        "needs id as a non-empty string", "needs name as a non-empty string"));
    }

    @ParameterizedTest(name = "{0} accepts {1}")
    @MethodSource("valid")
    void acceptsValidValues(String definition, String json, List<String> none) {
        assertEquals(List.of(), problems(definition, json));
    }

    @ParameterizedTest(name = "{0} rejects {1}")
    @MethodSource("invalid")
    void rejectsInvalidValuesWithEveryProblem(String definition, String json, List<String> expected) {
        assertEquals(expected, problems(definition, json));
    }

    private static List<String> problems(String definition, String json) {
        var field = fields("{'key':'x'," + definition + "}");
        var values = Json.createObjectBuilder().add("x", value(json)).build();
        var errors = FieldValuesValidator.validate(field, values, FieldFixtures.EVERYONE);
        errors.forEach(error -> assertEquals("customFields.x", error.field()));
        return errors.stream().map(error -> error.message()).toList();
    }

    private static Arguments row(String definition, String value, String... problems) {
        return Arguments.of(definition, value, List.of(problems));
    }
}
