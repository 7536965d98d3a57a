package dev.orden.config.field;

import static dev.orden.config.field.FieldFixtures.json;
import static dev.orden.config.field.FieldFixtures.value;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each operator against values read directly (no visibility involved). */
class ConditionTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                row("{'field':'s','equals':'a'}", "{'s':'a'}", true),
                row("{'field':'s','equals':'a'}", "{'s':'b'}", false),
                row("{'field':'s','equals':'a'}", "{}", false),
                row("{'field':'n','equals':1}", "{'n':1.00}", true),
                row("{'field':'b','equals':true}", "{'b':true}", true),
                row("{'field':'b','equals':true}", "{'b':'true'}", false),
                row("{'field':'s','equals':null}", "{}", true),
                row("{'field':'m','equals':['a','b']}", "{'m':['a','b']}", true),
                row("{'field':'s','notEquals':'a'}", "{'s':'b'}", true),
                row("{'field':'s','notEquals':'a'}", "{'s':'a'}", false),
                row("{'field':'s','notEquals':'a'}", "{}", true),
                row("{'field':'s','in':['a','b']}", "{'s':'b'}", true),
                row("{'field':'s','in':['a','b']}", "{'s':'c'}", false),
                row("{'field':'n','in':[1,2]}", "{'n':2.0}", true),
                row("{'field':'s','in':[]}", "{'s':'a'}", false),
                row("{'field':'m','in':['b','z']}", "{'m':['a','b']}", true),
                row("{'field':'m','in':['z']}", "{'m':['a','b']}", false),
                row("{'field':'m','in':['z']}", "{'m':[]}", false),
                row("{'field':'s','notEmpty':true}", "{'s':'a'}", true),
                row("{'field':'s','notEmpty':true}", "{'s':'  '}", false),
                row("{'field':'s','notEmpty':true}", "{'s':[]}", false),
                row("{'field':'b','notEmpty':true}", "{'b':false}", true),
                row("{'field':'s','empty':true}", "{}", true),
                row("{'field':'s','empty':true}", "{'s':null}", true),
                row("{'field':'s','empty':true}", "{'s':{}}", true),
                row("{'field':'s','empty':true}", "{'s':0}", false),
                row("{'all':[{'field':'s','equals':'a'},{'field':'n','equals':1}]}", "{'s':'a','n':1}", true),
                row("{'all':[{'field':'s','equals':'a'},{'field':'n','equals':1}]}", "{'s':'a','n':2}", false),
                row("{'any':[{'field':'s','equals':'a'},{'field':'n','equals':1}]}", "{'s':'b','n':1}", true),
                row("{'any':[{'field':'s','equals':'a'},{'field':'n','equals':1}]}", "{'s':'b','n':2}", false),
                row("{'not':{'field':'s','equals':'a'}}", "{'s':'a'}", false),
                row("{'not':{'field':'s','equals':'a'}}", "{'s':'b'}", true),
                row("{'all':[{'any':[{'field':'s','in':['a','b']},{'field':'b','equals':true}]},"
                        + "{'not':{'field':'n','empty':true}}]}", "{'b':true,'n':3}", true),
                row("{'all':[{'any':[{'field':'s','in':['a','b']},{'field':'b','equals':true}]},"
                        + "{'not':{'field':'n','empty':true}}]}", "{'b':true}", false),
                row("{'all':[{'any':[{'field':'s','in':['a','b']},{'field':'b','equals':true}]},"
                        + "{'not':{'field':'n','empty':true}}]}", "{'s':'c','n':3}", false));
    }

    @ParameterizedTest(name = "{0} on {1} is {2}")
    @MethodSource("cases")
    void evaluates(String condition, String values, boolean expected) {
        var object = json(values);
        assertEquals(expected, parse(condition).test(key -> object.getOrDefault(key, JsonValue.NULL)));
    }

    @Test
    void namesTheFieldsItReads() {
        var condition = parse("{'all':[{'field':'s','equals':'a'},{'any':[{'field':'n','empty':true},"
                + "{'not':{'field':'b','in':[true]}}]}]}");
        assertEquals(Set.of("s", "n", "b"), condition.fields());
    }

    @Test
    void readsTheOperandOfEachOperator() {
        assertEquals(new InCondition("s", List.of(value("'a'"), value("2"))), parse("{'field':'s','in':['a',2]}"));
        assertEquals(new NotEqualsCondition("s", value("'a'")), parse("{'field':'s','notEquals':'a'}"));
        assertEquals(new NotCondition(new EmptyCondition("s")), parse("{'not':{'field':'s','empty':true}}"));
        assertEquals(new AnyCondition(List.of(new NotEmptyCondition("s"))),
                parse("{'any':[{'field':'s','notEmpty':true}]}"));
    }

    private static Condition parse(String condition) {
        var errors = new ArrayList<DefinitionError>();
        var parser = new ConditionParser("self", Set.of("s", "n", "b", "m"), errors, new ArrayList<>());
        var parsed = parser.parse(json(condition), "/c");
        assertEquals(List.of(), errors);
        return parsed;
    }

    private static Arguments row(String condition, String values, boolean expected) {
        return Arguments.of(condition, values, expected);
    }
}
