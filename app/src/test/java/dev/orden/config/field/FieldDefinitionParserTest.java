package dev.orden.config.field;

import static dev.orden.config.field.FieldFixtures.fields;
import static dev.orden.config.field.FieldFixtures.json;
import static dev.orden.config.field.FieldFixtures.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FieldDefinitionParserTest {

    private static final String OPTION_A = "{'value':'a','label':{'es':'A','en':'A'}}";
    private static final String COLOUR = "{'key':'colour','type':'select','options':[" + OPTION_A + "]}";

    @Test
    void readsEveryPropertyOfAField() {
        var field = fields("""
                {'key':'warrantyNumber','label':{'es':'Garantía','en':'Warranty'},'help':{'es':'Ayuda','en':'Help'},
                 'type':'text','required':true,'default':'W-1','pattern':'W-[0-9]+','minLength':3,'maxLength':20,
                 'visibleWhen':{'field':'underWarranty','equals':true},'readOnly':false,'internal':false,
                 'retired':false}""",
                "{'key':'underWarranty','type':'boolean','requiredWhen':{'not':{'field':'warrantyNumber','empty':true}}}")
                .getFirst();
        assertEquals("warrantyNumber", field.key());
        assertEquals("Garantía", field.label().in("es"));
        assertEquals("Help", field.help().in("en"));
        assertEquals("text", field.type().name());
        assertTrue(field.required());
        assertEquals(Json.createValue("W-1"), field.defaultValue());
        assertEquals("W-[0-9]+", field.pattern().pattern());
        assertEquals(3, field.minLength());
        assertEquals(20, field.maxLength());
        assertEquals(new EqualsCondition("underWarranty", jakarta.json.JsonValue.TRUE), field.visibleWhen());
        assertFalse(field.readOnly());
        assertFalse(field.internal());
        assertFalse(field.retired());
        assertTrue(fields("{'key':'diagnosis','type':'longtext','internal':true}").getFirst().internal());
    }

    @Test
    void readsNumbersMoneyOptionsAndItems() {
        var parsed = fields("{'key':'hours','type':'number','min':0.5,'max':8,'decimals':1}",
                "{'key':'price','type':'money','currency':'EUR'}",
                "{'key':'tags','type':'multiselect','minItems':1,'maxItems':2,'options':[" + OPTION_A + "]}");
        assertEquals(new BigDecimal("0.5"), parsed.get(0).min());
        assertEquals(new BigDecimal("8"), parsed.get(0).max());
        assertEquals(1, parsed.get(0).decimals());
        assertEquals("EUR", parsed.get(1).currency());
        assertNull(parsed.get(1).decimals());
        assertEquals(List.of(new FieldOption("a", new LocalizedText(java.util.Map.of("es", "A", "en", "A")))),
                parsed.get(2).options());
        assertEquals(1, parsed.get(2).minItems());
        assertEquals(2, parsed.get(2).maxItems());
    }

    /** Each bad definition is the second field, so every pointer starts with /fields/1. */
    static Stream<Arguments> badDefinitions() {
        return Stream.of(
                bad("'notAnObject'", "/fields/1", "a field must be an object"),
                bad("{'key':'x','type':'colour'}", "/fields/1/type", "unknown type 'colour'"),
                bad("{'key':'x'}", "/fields/1/type", "is missing"),
                bad("{'key':'x','type':7}", "/fields/1/type", "must be a string"),
                bad("{'type':'text'}", "/fields/1/key", "is missing"),
                bad("{'key':'1st','type':'text'}", "/fields/1/key", "must start with a letter"),
                bad("{'key':'has-dash','type':'text'}", "/fields/1/key", "must start with a letter"),
                bad("{'key':'" + "k".repeat(65) + "','type':'text'}", "/fields/1/key", "must start with a letter"),
                bad("{'key':'colour','type':'text'}", "/fields/1/key", "duplicate key, first used at /fields/0"),
                bad("{'key':'x','type':'text','label':{'es':'X'}}", "/fields/1/label/en", "is missing"),
                bad("{'key':'x','type':'text','label':{'es':'X','en':' '}}", "/fields/1/label/en", "must not be blank"),
                bad("{'key':'x','type':'text','label':{'es':'X','en':'X','fr':'X'}}", "/fields/1/label/fr",
                        "unknown property"),
                bad("{'key':'x','type':'text','label':'X'}", "/fields/1/label", "must be an object with es and en"),
                bad("{'key':'x','type':'text','help':{'en':'X'}}", "/fields/1/help/es", "is missing"),
                bad("{'key':'x','type':'select'}", "/fields/1/options", "a select field needs options"),
                bad("{'key':'x','type':'multiselect','options':[]}", "/fields/1/options",
                        "a multiselect field needs options"),
                bad("{'key':'x','type':'select','options':[" + OPTION_A + "," + OPTION_A + "]}",
                        "/fields/1/options/1/value", "duplicate option value"),
                bad("{'key':'x','type':'select','options':[{'value':'','label':{'es':'A','en':'A'}}]}",
                        "/fields/1/options/0/value", "must not be blank"),
                bad("{'key':'x','type':'select','options':[{'label':{'es':'A','en':'A'}}]}",
                        "/fields/1/options/0/value", "is missing"),
                bad("{'key':'x','type':'select','options':[{'value':'a'}]}", "/fields/1/options/0/label",
                        "is missing"),
                bad("{'key':'x','type':'select','options':['a']}", "/fields/1/options/0", "an option must be an object"),
                bad("{'key':'x','type':'select','options':[{'value':'a','label':{'es':'A','en':'A'},'icon':'i'}]}",
                        "/fields/1/options/0/icon", "unknown property"),
                bad("{'key':'x','type':'number','min':5,'max':1}", "/fields/1/min", "min is greater than max"),
                bad("{'key':'x','type':'text','minLength':5,'maxLength':1}", "/fields/1/minLength",
                        "minLength is greater than maxLength"),
                bad("{'key':'x','type':'multiselect','minItems':3,'maxItems':1,'options':[" + OPTION_A + "]}",
                        "/fields/1/minItems", "minItems is greater than maxItems"),
                bad("{'key':'x','type':'text','minLength':-1}", "/fields/1/minLength", "must be a whole number"),
                bad("{'key':'x','type':'text','maxLength':1.5}", "/fields/1/maxLength", "must be a whole number"),
                bad("{'key':'x','type':'number','min':'1'}", "/fields/1/min", "must be a number"),
                bad("{'key':'x','type':'text','pattern':'(a'}", "/fields/1/pattern", "does not compile"),
                bad("{'key':'x','type':'text','pattern':'(a)\\\\1'}", "/fields/1/pattern", "does not compile"),
                bad("{'key':'x','type':'text','required':'yes'}", "/fields/1/required", "must be true or false"),
                bad("{'key':'x','type':'text','colour':'red'}", "/fields/1/colour", "unknown property"),
                bad("{'key':'x','type':'text','options':[]}", "/fields/1/options", "unknown property"),
                bad("{'key':'x','type':'boolean','pattern':'a'}", "/fields/1/pattern", "unknown property"),
                bad("{'key':'x','type':'money'}", "/fields/1/currency", "a money field needs a currency"),
                bad("{'key':'x','type':'money','currency':'EURO'}", "/fields/1/currency", "is not an ISO 4217"),
                bad("{'key':'x','type':'money','currency':'XYZ'}", "/fields/1/currency", "is not an ISO 4217"),
                bad("{'key':'x','type':'number','max':3,'default':4}", "/fields/1/default",
                        "the default must be at most 3"),
                bad("{'key':'x','type':'select','default':'b','options':[" + OPTION_A + "]}", "/fields/1/default",
                        "the default is not one of the options: a"),
                bad("{'key':'x','type':'text','pattern':'[0-9]+','default':'abc'}", "/fields/1/default",
                        "the default does not match the pattern [0-9]+"),
                bad("{'key':'x','type':'date','default':'tomorrow'}", "/fields/1/default",
                        "the default must be a date as yyyy-MM-dd"),
                bad("{'key':'x','type':'text','visibleWhen':{'field':'ghost','notEmpty':true}}",
                        "/fields/1/visibleWhen/field", "refers to an unknown field 'ghost'"),
                bad("{'key':'x','type':'text','requiredWhen':{'field':'x','notEmpty':true}}",
                        "/fields/1/requiredWhen/field", "a condition cannot refer to its own field"),
                bad("{'key':'x','type':'text','visibleWhen':{'all':[{'field':'colour','equals':'a'},"
                        + "{'any':[{'not':{'field':'nope','empty':true}}]}]}}",
                        "/fields/1/visibleWhen/all/1/any/0/not/field", "refers to an unknown field 'nope'"),
                bad("{'key':'x','type':'text','visibleWhen':{'field':'colour'}}", "/fields/1/visibleWhen",
                        "a condition needs exactly one of"),
                bad("{'key':'x','type':'text','visibleWhen':{'field':'colour','equals':'a','in':['a']}}",
                        "/fields/1/visibleWhen", "a condition needs exactly one of"),
                bad("{'key':'x','type':'text','visibleWhen':{'field':'colour','equals':'a','also':1}}",
                        "/fields/1/visibleWhen/also", "unknown or misplaced property"),
                bad("{'key':'x','type':'text','visibleWhen':{'field':'colour','in':'a'}}",
                        "/fields/1/visibleWhen/in", "must be an array of values"),
                bad("{'key':'x','type':'text','visibleWhen':{'field':'colour','empty':false}}",
                        "/fields/1/visibleWhen/empty", "must be true"),
                bad("{'key':'x','type':'text','visibleWhen':{'field':'colour','notEmpty':1}}",
                        "/fields/1/visibleWhen/notEmpty", "must be true"),
                bad("{'key':'x','type':'text','visibleWhen':{'field':3,'empty':true}}",
                        "/fields/1/visibleWhen/field", "must name a field"),
                bad("{'key':'x','type':'text','visibleWhen':{'all':[]}}", "/fields/1/visibleWhen/all",
                        "must be a non-empty array of conditions"),
                bad("{'key':'x','type':'text','visibleWhen':{'any':{'field':'colour','empty':true}}}",
                        "/fields/1/visibleWhen/any", "must be a non-empty array of conditions"),
                bad("{'key':'x','type':'text','visibleWhen':{'not':{'field':'colour','empty':true},'field':'colour'}}",
                        "/fields/1/visibleWhen/field", "unknown or misplaced property"),
                bad("{'key':'x','type':'text','visibleWhen':{'field':'colour','equals':'b'}}",
                        "/fields/1/visibleWhen/equals", "can never match 'colour', whose value is not one of the options: a"),
                bad("{'key':'x','type':'text','visibleWhen':{'any':[{'field':'colour','in':['a','z']}]}}",
                        "/fields/1/visibleWhen/any/0/in/1", "can never match 'colour', whose value is not one of"),
                bad("{'key':'x','type':'text','requiredWhen':{'field':'colour','notEquals':3}}",
                        "/fields/1/requiredWhen/notEquals",
                        "can never match 'colour', whose value must be a string, not a number"),
                bad("{'key':'x','type':'text','visibleWhen':'colour'}", "/fields/1/visibleWhen",
                        "a condition must be an object"),
                bad("{'key':'x','type':'text','internal':'yes'}", "/fields/1/internal", "must be true or false"),
                bad("{'key':'x','type':'text','internal':true,'required':true}", "/fields/1/internal",
                        "an internal field cannot be required"),
                bad("{'key':'x','type':'text','internal':true,'requiredWhen':{'field':'colour','equals':'a'}}",
                        "/fields/1/internal", "an internal field cannot be required"),
                bad("{'key':'x','type':'attachment','internal':true}", "/fields/1/internal",
                        "an attachment field cannot be internal"));
    }

    @ParameterizedTest(name = "{1}: {2}")
    @MethodSource("badDefinitions")
    void namesThePointerAndTheReasonOfABadDefinition(String definition, String pointer, String reason) {
        var result = parse(COLOUR, definition);
        assertFalse(result.isValid());
        assertEquals(List.of(), result.fields());
        assertEquals(1, result.errors().size(), () -> result.errors().toString());
        assertEquals(pointer, result.errors().getFirst().pointer());
        assertTrue(result.errors().getFirst().reason().startsWith(reason), result.errors().getFirst().reason());
    }

    @Test
    void reportsEveryErrorOfEveryFieldAtOnce() {
        var result = parse("{'key':'a','type':'nope'}",
                "{'key':'b','type':'select','min':2,'options':[" + OPTION_A + ",{'value':'a','label':{'es':'A'}}]}",
                "{'key':'a','type':'text','pattern':'['}");
        assertEquals(List.of(
                        new DefinitionError("/fields/2/key", "duplicate key, first used at /fields/0"),
                        new DefinitionError("/fields/0/type", "unknown type 'nope', expected one of "
                                + String.join(", ", FieldTypes.names())),
                        new DefinitionError("/fields/1/min", "unknown property"),
                        new DefinitionError("/fields/1/options/1/label/en", "is missing")),
                result.errors().subList(0, 4));
        assertEquals("/fields/2/pattern", result.errors().get(4).pointer());
        assertEquals(5, result.errors().size());
    }

    @Test
    void refusesAVisibilityCycle() {
        var result = parse("{'key':'a','type':'text','visibleWhen':{'field':'b','notEmpty':true}}",
                "{'key':'b','type':'text','visibleWhen':{'any':[{'field':'c','empty':true}]}}",
                "{'key':'c','type':'text','visibleWhen':{'not':{'field':'a','equals':'x'}}}");
        assertEquals(List.of(new DefinitionError("/fields/2/visibleWhen", "visibility forms a cycle: a -> b -> c -> a")),
                result.errors());
    }

    @Test
    void acceptsARequiredWhenLoopBecauseRequiredDoesNotHideValues() {
        var parsed = fields("{'key':'a','type':'text','requiredWhen':{'field':'b','notEmpty':true}}",
                "{'key':'b','type':'text','requiredWhen':{'field':'a','notEmpty':true}}");
        assertEquals(2, parsed.size());
    }

    @Test
    void acceptsASharedDependencyThatIsNoCycle() {
        var parsed = fields("{'key':'a','type':'boolean'}",
                "{'key':'b','type':'text','visibleWhen':{'field':'a','equals':true}}",
                "{'key':'c','type':'text','visibleWhen':{'all':[{'field':'a','equals':true},{'field':'b','notEmpty':true}]}}");
        assertEquals(3, parsed.size());
    }

    @Test
    void comparesAMultiselectItemByItemWithInAndAsAWholeWithEquals() {
        var tags = "{'key':'tags','type':'multiselect','options':[" + OPTION_A + "]}";
        assertEquals(2, fields(tags, "{'key':'x','type':'text','visibleWhen':{'any':[{'field':'tags','in':['a']},"
                + "{'field':'tags','equals':['a']},{'field':'tags','equals':null}]}}").size());
        assertEquals(List.of(
                        new DefinitionError("/fields/1/visibleWhen/all/0/in/0",
                                "can never match 'tags', whose value is not one of the options: a"),
                        new DefinitionError("/fields/1/visibleWhen/all/1/equals",
                                "can never match 'tags', whose value must be an array of option values, not a string")),
                parse(tags, "{'key':'x','type':'text','visibleWhen':{'all':[{'field':'tags','in':['z']},"
                        + "{'field':'tags','equals':'a'}]}}").errors());
    }

    @Test
    void aDocumentMayNameItsSchema() {
        assertEquals(List.of(), FieldDefinitionParser.parse(json("{'$schema':'fields.schema.json','fields':[]}")).errors());
    }

    @Test
    void aDocumentNeedsAFieldsArrayAndNothingElse() {
        assertEquals(List.of(new DefinitionError("/fields", "must be an array of fields")),
                FieldDefinitionParser.parse(json("{'fields':{}}")).errors());
        assertEquals(List.of(new DefinitionError("/extra", "unknown property")),
                FieldDefinitionParser.parse(json("{'fields':[],'extra':1}")).errors());
    }

    @Test
    void readsAnArrayAtAnyPointer() {
        var result = FieldDefinitionParser.parse(Json.createArrayBuilder().add(json("{'key':'x','type':'text'}")).build(),
                "/types/0/fields");
        assertEquals(List.of(new DefinitionError("/types/0/fields/0/label", "is missing")), result.errors());
    }

    private static Arguments bad(String definition, String pointer, String reason) {
        return Arguments.of(definition, pointer, reason);
    }
}
