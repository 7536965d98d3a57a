package dev.orden.workorder;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.orden.config.field.FieldDefinition;
import dev.orden.shared.problem.FieldError;
import dev.orden.workorder.CustomFieldCondition.Operator;
import dev.orden.workorder.CustomFieldCondition.Requested;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MultivaluedHashMap;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The cf.* query parameters: equalities and typed conditions as written, then typed by the field definitions. */
class CustomFieldFilterTest {

    private static final Map<String, FieldDefinition> FIELDS = CustomFieldFixtures.everyType();

    private static CustomFieldFilter.Parsed parse(List<FieldError> errors, String... nameValuePairs) {
        var parameters = new MultivaluedHashMap<String, String>();
        for (int i = 0; i < nameValuePairs.length; i += 2) parameters.add(nameValuePairs[i], nameValuePairs[i + 1]);
        return CustomFieldFilter.fromQuery(parameters, errors);
    }

    private static List<FieldError> errorsOf(String... nameValuePairs) {
        var errors = new ArrayList<FieldError>();
        var parsed = parse(errors, nameValuePairs);
        CustomFieldCondition.typed(parsed.conditions(), FIELDS, errors);
        return errors;
    }

    private static CustomFieldCondition typed(String name, String value) {
        var errors = new ArrayList<FieldError>();
        var conditions = CustomFieldCondition.typed(parse(errors, name, value).conditions(), FIELDS, errors);
        assertEquals(List.of(), errors);
        assertEquals(1, conditions.size());
        return conditions.getFirst();
    }

    @Test
    void equalitiesAndConditionsAreSeparatedAndOtherParametersIgnored() {
        var errors = new ArrayList<FieldError>();
        var parsed = parse(errors, "cf.model", "X100", "cf.fnumber.gte", "5", "cf.fdate.lt", "2026-01-01",
                "cf.ftext.empty", "true", "status", "NEW", "sort", "cf.fnumber");
        assertEquals(List.of(), errors);
        assertEquals(Map.of("model", "X100"), parsed.equal());
        assertEquals(Set.of(new Requested("fnumber", Operator.GTE, "5"), new Requested("fdate", Operator.LT, "2026-01-01"),
                new Requested("ftext", Operator.EMPTY, "true")), Set.copyOf(parsed.conditions()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "cf.fnumber.gte; 5;                        fnumber; GTE; NUMBER;   5",
            "cf.fnumber.lt;  -3.25;                    fnumber; LT;  NUMBER;   -3.25",
            "cf.fmoney.lte;  1e3;                      fmoney;  LTE; NUMBER;   1E+3",
            "cf.fmoney.gt;   .5;                       fmoney;  GT;  NUMBER;   0.5",
            "cf.fdate.gte;   2024-02-29;               fdate;   GTE; DATE;     \"2024-02-29\"",
            "cf.fdatetime.lt; 2026-03-01T10:15:00+01:00; fdatetime; LT; DATETIME; \"2026-03-01T10:15:00+01:00\"",
            "cf.fdatetime.gt; 2026-03-01T10:15:00 01:00; fdatetime; GT; DATETIME; \"2026-03-01T10:15:00+01:00\"",
            "cf.fdatetime.lte; 2026-03-01t10:15z;      fdatetime; LTE; DATETIME; \"2026-03-01t10:15z\""})
    void rangesAreTypedByTheFieldAndReadAsTheJsonTheyCompareLike(String name, String value, String key, Operator operator,
                                                                CustomFieldKind kind, String json) {
        var condition = typed(name, value);
        assertEquals(key, condition.key());
        assertEquals(operator, condition.operator());
        assertEquals(kind, condition.kind());
        assertEquals(json, condition.bound().toString());
    }

    @Test
    void aNumberBoundKeepsItsValueExactly() {
        assertEquals(Json.createValue(new BigDecimal("0.1")), typed("cf.fnumber.gte", "0.1").bound());
        assertEquals(Json.createValue(new BigDecimal("123456789012345678901234567890.5")),
                typed("cf.fnumber.gte", "123456789012345678901234567890.5").bound());
    }

    @ParameterizedTest
    @ValueSource(strings = {"fnumber", "fattachment", "flocation", "fmultiselect", "ftext"})
    void emptyAppliesToEveryTypeAndReadsTrueOrFalse(String key) {
        var empty = typed("cf." + key + ".empty", "true");
        assertEquals(Operator.EMPTY, empty.operator());
        assertEquals(JsonValue.TRUE, empty.bound());
        assertEquals(null, empty.kind());
        assertEquals(JsonValue.FALSE, typed("cf." + key + ".empty", " false ").bound());
        assertEquals(List.of(new FieldError("cf." + key + ".empty", "must be true or false")),
                errorsOf("cf." + key + ".empty", "yes"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = ';', value = {
            "cf.fnumber.gte;  five;        must be a number, such as 12 or -3.5",
            "cf.fnumber.gte;  '';          must be a number, such as 12 or -3.5",
            "cf.fnumber.gte;  1e9999;      must be a number, such as 12 or -3.5",
            "cf.fnumber.gte;  NaN;         must be a number, such as 12 or -3.5",
            "cf.fmoney.lt;    12,50;       must be a number, such as 12 or -3.5",
            "cf.fdate.lt;     2026-02-29;  must be a date as yyyy-MM-dd, such as 2026-03-01",
            "cf.fdate.lt;     1900-02-29;  must be a date as yyyy-MM-dd, such as 2026-03-01",
            "cf.fdate.lt;     0000-01-01;  must be a date as yyyy-MM-dd, such as 2026-03-01",
            "cf.fdate.lt;     2026-3-1;    must be a date as yyyy-MM-dd, such as 2026-03-01",
            "cf.fdate.lt;     2026-03-01T00:00Z; must be a date as yyyy-MM-dd, such as 2026-03-01",
            "cf.fdatetime.gt; 2026-03-01T10:15; must be a date and time with offset, such as 2026-03-01T10:15:00+01:00 (+ written %2B)",
            "cf.fdatetime.gt; 2026-03-01T24:00Z; must be a date and time with offset, such as 2026-03-01T10:15:00+01:00 (+ written %2B)",
            "cf.fdatetime.gt; 2026-03-01T10:15+16:00; must be a date and time with offset, such as 2026-03-01T10:15:00+01:00 (+ written %2B)",
            "cf.fdatetime.gt; 2026-03-01; must be a date and time with offset, such as 2026-03-01T10:15:00+01:00 (+ written %2B)"})
    void badBoundsAre422OnTheParameter(String name, String value, String message) {
        assertEquals(List.of(new FieldError(name, message)), errorsOf(name, value));
    }

    @ParameterizedTest
    @CsvSource({"ftext, text", "fselect, select", "fboolean, boolean", "fmultiselect, multiselect",
            "flocation, location", "fuser, user", "flongtext, longtext", "femail, email"})
    void rangesOnFieldsWithoutThemAre422(String key, String type) {
        assertEquals(List.of(new FieldError("cf." + key + ".gte", "ranges apply to number, money, date and datetime "
                + "fields; '" + key + "' is a " + type + " field")), errorsOf("cf." + key + ".gte", "a"));
    }

    @Test
    void conditionsOnUnknownFieldsAre422() {
        assertEquals(List.of(new FieldError("cf.nothere.lt", "'nothere' is not a custom field of this tenant's "
                + "configuration")), errorsOf("cf.nothere.lt", "1"));
        assertEquals(List.of(new FieldError("cf.nothere.empty", "'nothere' is not a custom field of this tenant's "
                + "configuration")), errorsOf("cf.nothere.empty", "true"));
        assertEquals(List.of(), errorsOf("cf.nothere", "1"), "an equality is not typed: it matches nothing");
    }

    @ParameterizedTest
    @ValueSource(strings = {"cf.fnumber.between", "cf.fnumber.GTE", "cf.fnumber.", "cf.fnumber.gte.x"})
    void unknownOperatorsAndShapesAre422(String name) {
        assertEquals(1, errorsOf(name, "1").size());
        assertEquals(name, errorsOf(name, "1").getFirst().field());
    }

    @Test
    void eachParameterOnceAndAtMostTenFilters() {
        var parameters = new MultivaluedHashMap<String, String>();
        parameters.addAll("cf.fnumber.gte", "1", "2");
        var errors = new ArrayList<FieldError>();
        CustomFieldFilter.fromQuery(parameters, errors);
        assertEquals(List.of(new FieldError("cf.fnumber.gte", "must be given once, at most 500 characters")), errors);

        var many = new ArrayList<String>();
        for (int i = 0; i < 6; i++) many.addAll(List.of("cf.k" + i, "v", "cf.k" + i + ".empty", "true"));
        errors.clear();
        parse(errors, many.toArray(String[]::new));
        assertEquals(List.of(new FieldError("cf.*", "at most 10 custom-field filters")), errors);
    }
}
