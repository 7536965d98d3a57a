package dev.orden.config.field;

import static dev.orden.config.field.FieldFixtures.error;
import static dev.orden.config.field.FieldFixtures.fields;
import static dev.orden.config.field.FieldFixtures.json;
import static dev.orden.config.field.FieldFixtures.validate;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.orden.shared.problem.FieldError;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldValuesValidatorTest {

    private static final String YES_NO = "'options':[{'value':'yes','label':{'es':'Sí','en':'Yes'}},"
            + "{'value':'no','label':{'es':'No','en':'No'}}]";

    /** acme's repair form: the warranty number shows, and is required, only under warranty. */
    private static final List<FieldDefinition> REPAIR = fields(
            "{'key':'underWarranty','type':'select'," + YES_NO + "}",
            "{'key':'warrantyNumber','type':'text','pattern':'W-[0-9]{4}',"
                    + "'visibleWhen':{'field':'underWarranty','equals':'yes'},"
                    + "'requiredWhen':{'field':'underWarranty','equals':'yes'}}",
            "{'key':'serial','type':'text','required':true,'maxLength':10}",
            "{'key':'visits','type':'number','min':0,'decimals':0}");

    @Test
    void acceptsACompleteForm() {
        assertEquals(List.of(), validate(REPAIR, "{'underWarranty':'yes','warrantyNumber':'W-0042','serial':'S1'}"));
    }

    @Test
    void reportsEveryErrorTogether() {
        assertEquals(List.of(
                        error("colour", "is not a field of this form"),
                        error("zeta", "is not a field of this form"),
                        error("underWarranty", "is not one of the options: yes, no"),
                        error("serial", "is required"),
                        error("visits", "must be at least 0"),
                        error("visits", "must be a whole number")),
                validate(REPAIR, "{'zeta':1,'underWarranty':'maybe','colour':'red','visits':-0.5}"));
    }

    @Test
    void aRequiredFieldNeedsANonBlankValue() {
        var expected = List.of(error("serial", "is required"));
        assertEquals(expected, validate(REPAIR, "{}"));
        assertEquals(expected, validate(REPAIR, "{'serial':null}"));
        assertEquals(expected, validate(REPAIR, "{'serial':'  '}"));
    }

    @Test
    void requiredWhenAppliesOnlyWhileItsConditionHolds() {
        assertEquals(List.of(error("warrantyNumber", "is required")),
                validate(REPAIR, "{'underWarranty':'yes','serial':'S1'}"));
        assertEquals(List.of(), validate(REPAIR, "{'underWarranty':'no','serial':'S1'}"));
    }

    @Test
    void requiredWhenCanReadAnotherValueOfAnyType() {
        var fields = fields("{'key':'cost','type':'money','currency':'EUR'}",
                "{'key':'approver','type':'user','requiredWhen':{'not':{'field':'cost','empty':true}}}");
        assertEquals(List.of(error("approver", "is required")), validate(fields, "{'cost':120}"));
        assertEquals(List.of(), validate(fields, "{}"));
    }

    @Test
    void aHiddenFieldIsNeverRequiredAndMustNotHoldAValue() {
        assertEquals(List.of(), validate(REPAIR, "{'serial':'S1'}"));
        assertEquals(List.of(error("warrantyNumber", "is hidden by its visibleWhen condition: it must not have a value")),
                validate(REPAIR, "{'underWarranty':'no','warrantyNumber':'W-0042','serial':'S1'}"));
    }

    @Test
    void aHiddenFieldMayBeSentEmpty() {
        assertEquals(List.of(), validate(REPAIR, "{'underWarranty':'no','warrantyNumber':'','serial':'S1'}"));
        assertEquals(List.of(), validate(REPAIR, "{'underWarranty':'no','warrantyNumber':null,'serial':'S1'}"));
    }

    @Test
    void aFieldShownByAHiddenFieldIsHiddenToo() {
        var fields = fields("{'key':'a','type':'boolean'}",
                "{'key':'b','type':'text','visibleWhen':{'field':'a','equals':true}}",
                "{'key':'c','type':'text','required':true,'visibleWhen':{'field':'b','notEmpty':true}}");
        assertEquals(List.of(error("b", "is hidden by its visibleWhen condition: it must not have a value")),
                validate(fields, "{'a':false,'b':'x'}"));
        assertEquals(List.of(error("c", "is required")), validate(fields, "{'a':true,'b':'x'}"));
        assertEquals(List.of(), validate(fields, "{'a':true}"));
    }

    @Test
    void aUserMustBeAssignableInTheTenant() {
        var fields = fields("{'key':'technician','type':'user'}");
        var values = json("{'technician':'6f1c2a7e-0b1d-4c8e-9a0f-3b2c1d4e5f60'}");
        assertEquals(List.of(error("technician", "is not a member of this tenant who can be assigned work")),
                FieldValuesValidator.validate(fields, values, FieldFixtures.NOBODY));
        assertEquals(List.of(), FieldValuesValidator.validate(fields, values, FieldFixtures.EVERYONE));
    }

    @Test
    void aHostilePatternDoesNotBacktrack() {
        var fields = fields("{'key':'code','type':'longtext','pattern':'(a+)+$'}");
        var hostile = "a".repeat(50_000) + "!";
        assertEquals(List.of(error("code", "does not match the pattern (a+)+$")),
                validate(fields, "{'code':'" + hostile + "'}"));
        assertEquals(List.of(), validate(fields, "{'code':'" + "a".repeat(50_000) + "'}"));
    }

    @Test
    void aRetiredFieldCannotBeSetOnCreation() {
        var fields = fields("{'key':'oldCode','type':'text','retired':true}");
        assertEquals(List.of(error("oldCode", "is retired: it cannot be set or changed")),
                validate(fields, "{'oldCode':'X'}"));
        assertEquals(List.of(), validate(fields, "{}"));
    }

    @Test
    void aRetiredFieldKeepsItsStoredValueOrIsClearedButNotChanged() {
        var fields = fields("{'key':'oldCode','type':'number','retired':true,'max':1}", "{'key':'note','type':'text'}");
        var stored = json("{'oldCode':7}");
        assertEquals(List.of(), patch(fields, stored, "{'note':'hi'}"));
        assertEquals(List.of(), patch(fields, stored, "{'oldCode':7.0}"));
        assertEquals(List.of(), patch(fields, stored, "{'oldCode':null}"));
        assertEquals(List.of(error("oldCode", "is retired: it cannot be set or changed")),
                patch(fields, stored, "{'oldCode':8}"));
    }

    @Test
    void aReadOnlyFieldHoldsOnlyItsDefaultOnCreationAndNeverChanges() {
        var fields = fields("{'key':'channel','type':'text','readOnly':true,'default':'web'}");
        assertEquals(List.of(), validate(fields, "{'channel':'web'}"));
        assertEquals(List.of(), validate(fields, "{}"));
        assertEquals(List.of(error("channel", "is read-only")), validate(fields, "{'channel':'phone'}"));
        var stored = json("{'channel':'phone'}");
        assertEquals(List.of(), patch(fields, stored, "{'channel':'phone'}"));
        assertEquals(List.of(error("channel", "is read-only")), patch(fields, stored, "{'channel':'web'}"));
        assertEquals(List.of(error("channel", "is read-only")), patch(fields, stored, "{'channel':null}"));
    }

    @Test
    void aPatchIsCheckedMergedButBlamesOnlyWhatItTouchedOrBroke() {
        var stored = json("{'underWarranty':'no','serial':'TOO-LONG-SERIAL','visits':1}");
        assertEquals(List.of(), patch(REPAIR, stored, "{'visits':2}"));
        assertEquals(List.of(error("visits", "must be a whole number")), patch(REPAIR, stored, "{'visits':2.5}"));
        assertEquals(List.of(error("serial", "must have at most 10 characters")),
                patch(REPAIR, stored, "{'serial':'STILL-TOO-LONG'}"));
    }

    @Test
    void aPatchReportsAFieldItMadeRequired() {
        var stored = json("{'underWarranty':'no','serial':'S1'}");
        assertEquals(List.of(error("warrantyNumber", "is required")), patch(REPAIR, stored, "{'underWarranty':'yes'}"));
        assertEquals(List.of(), patch(REPAIR, stored, "{'underWarranty':'yes','warrantyNumber':'W-0001'}"));
    }

    @Test
    void aPatchReportsRemovingARequiredValue() {
        assertEquals(List.of(error("serial", "is required")), patch(REPAIR, json("{'serial':'S1'}"), "{'serial':null}"));
    }

    @Test
    void aPatchReportsAValueItHid() {
        var stored = json("{'underWarranty':'yes','warrantyNumber':'W-0001','serial':'S1'}");
        assertEquals(List.of(error("warrantyNumber", "is hidden by its visibleWhen condition: it must not have a value")),
                patch(REPAIR, stored, "{'underWarranty':'no'}"));
        assertEquals(List.of(), patch(REPAIR, stored, "{'underWarranty':'no','warrantyNumber':null}"));
    }

    @Test
    void aPatchLeavesAloneAValueWhoseFieldWasRemovedFromTheConfiguration() {
        var stored = json("{'serial':'S1','removedLongAgo':'x'}");
        assertEquals(List.of(), patch(REPAIR, stored, "{'visits':1}"));
        assertEquals(List.of(error("removedLongAgo", "is not a field of this form")),
                patch(REPAIR, stored, "{'removedLongAgo':'y'}"));
    }

    @Test
    void visibilityWinsOverRequiredWhen() {
        var fields = fields("{'key':'a','type':'boolean'}",
                "{'key':'b','type':'text','required':true,'requiredWhen':{'field':'a','equals':false},"
                        + "'visibleWhen':{'field':'a','equals':true}}");
        assertEquals(List.of(), validate(fields, "{'a':false}"));
        assertEquals(List.of(error("b", "is required")), validate(fields, "{'a':true}"));
    }

    @Test
    void mergeReplacesAndRemovesTopLevelKeys() {
        assertEquals(json("{'a':1,'c':{'x':1}}"),
                FieldValuesValidator.merge(json("{'a':2,'b':3,'c':{'y':1}}"), json("{'a':1,'b':null,'c':{'x':1}}")));
    }

    @Test
    void defaultsFillMissingVisibleFieldsOnly() {
        var fields = fields("{'key':'priority','type':'select','default':'no'," + YES_NO + "}",
                "{'key':'hours','type':'number','default':1}",
                "{'key':'reason','type':'text','default':'n/a','visibleWhen':{'field':'priority','equals':'yes'}}",
                "{'key':'legacy','type':'text','default':'old','retired':true}");
        assertEquals(json("{'priority':'no','hours':3}"),
                FieldValuesValidator.applyDefaults(fields, json("{'hours':3}")));
        assertEquals(json("{'priority':'yes','hours':1,'reason':'n/a'}"),
                FieldValuesValidator.applyDefaults(fields, json("{'priority':'yes','hours':null}")));
    }

    @Test
    void aDefaultCanShowAFieldWhoseDefaultThenApplies() {
        var fields = fields(
                "{'key':'c','type':'text','default':'third','visibleWhen':{'field':'b','equals':'second'}}",
                "{'key':'b','type':'text','default':'second','visibleWhen':{'field':'a','equals':true}}",
                "{'key':'a','type':'boolean','default':true}");
        assertEquals(json("{'a':true,'b':'second','c':'third'}"), FieldValuesValidator.applyDefaults(fields, json("{}")));
        assertEquals(json("{'a':false}"), FieldValuesValidator.applyDefaults(fields, json("{'a':false}")));
    }

    @Test
    void normalisingStripsPhoneSeparatorsAndKeepsOtherValues() {
        var fields = fields("{'key':'phone','type':'phone'}", "{'key':'note','type':'text'}");
        assertEquals(json("{'phone':'+34600123456','note':'a - b'}"),
                FieldValuesValidator.normalise(fields, json("{'phone':'+34 600-123 456','note':'a - b'}")));
    }

    private static List<FieldError> patch(List<FieldDefinition> fields, jakarta.json.JsonObject stored, String patch) {
        return FieldValuesValidator.validatePatch(fields, stored, json(patch), FieldFixtures.EVERYONE);
    }
}
