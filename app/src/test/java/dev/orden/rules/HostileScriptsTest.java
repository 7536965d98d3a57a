package dev.orden.rules;

import static dev.orden.rules.Rules.LIMITS;
import static dev.orden.rules.Rules.ORDER;
import static dev.orden.rules.Rules.assertHealthy;
import static dev.orden.rules.Rules.effects;
import static dev.orden.rules.Rules.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orden.rules.RuleError.Kind;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Scripts that try to reach the host, the realm or another evaluation: each is contained. */
class HostileScriptsTest {

    @Test
    void noHostOrEngineGlobalExists() {
        var probe = effects(UUID.randomUUID(), """
                function rule() {
                  const names = ['Java', 'Packages', 'java', 'Polyglot', 'Graal', 'load', 'loadWithNewGlobal', 'print',
                    'printErr', 'console', 'require', 'module', 'process', 'quit', 'exit', 'read', 'readbuffer',
                    'SharedArrayBuffer', 'Atomics', 'WeakRef', 'FinalizationRegistry', 'Debug', 'setTimeout'];
                  return [{type: 'globals', defined: names.filter(n => typeof globalThis[n] !== 'undefined')}];
                }""", ORDER);
        assertEquals("[{\"type\":\"globals\",\"defined\":[]}]", probe.effects().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Java.type('java.lang.Runtime').getRuntime().exec('id')",
        "Packages.java.lang.System.exit(1)",
        "Polyglot.eval('js', '1')",
        "load('/etc/passwd')",
        "require('fs').readFileSync('/etc/passwd')",
        "Atomics.wait(new Int32Array(4), 0, 0, 1e9)",
        "new SharedArrayBuffer(8)",
    })
    void hostAndEngineEscapesAreReferenceErrors(String attempt) {
        var tenant = UUID.randomUUID();
        var error = fails(Kind.EXCEPTION, tenant, "function rule(input) {\n  return [" + attempt + "];\n}", LIMITS);
        assertTrue(error.message().startsWith("ReferenceError"), error::toString);
        assertEquals(2, error.line());
        assertHealthy(tenant);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "eval('1')",
        "(0, eval)('1')",
        "new Function('return this')()",
        "Function('return 1')()",
        "input.constructor.constructor('return globalThis')()",
        "(function* () {}).constructor('yield 1')",
        "(async function () {}).constructor('return 1')",
        "new Intl.Collator().compare.constructor('return 1')",
    })
    void codeFromStringsIsRefused(String attempt) {
        var tenant = UUID.randomUUID();
        var error = fails(Kind.EXCEPTION, tenant, "function rule(input) { return [" + attempt + "]; }", LIMITS);
        assertTrue(error.message().startsWith("EvalError"), error::toString);
        assertHealthy(tenant);
    }

    @Test
    void dynamicImportFindsNothingAndAPromiseIsNoResult() {
        var error = fails(Kind.INVALID_RESULT, "function rule() { return import('/etc/passwd'); }");
        assertTrue(error.message().contains("not object"), error::toString);
        var compilation = Rules.ENGINE.compile("static-import", "import fs from 'fs';\nfunction rule() { return []; }");
        assertEquals(Kind.SYNTAX, assertInstanceOf(Compilation.Rejected.class, compilation).error().kind());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "globalThis.leak = 'yes'",
        "Object.defineProperty(globalThis, 'leak', {value: 'yes'})",
        "Object.setPrototypeOf(globalThis, {leak: 'yes'})",
        "log = () => {}",
        "keywords.any = () => true",
        "JSON.parse = () => ({})",
        "Object.prototype.polluted = 'yes'",
        "input.__proto__.polluted = 'yes'",
        "input.constructor.prototype.polluted = 'yes'",
        "Object.getPrototypeOf(input.customFields).polluted = 'yes'",
        "Array.prototype.push = function () { return 0; }",
        "Object.getPrototypeOf([][Symbol.iterator]()).next = () => ({done: true})",
        "Object.getPrototypeOf(function* () {}).prototype.polluted = 'yes'",
        "delete Array.prototype.map",
        "String.prototype.trim = () => 'hacked'",
        "RegExp.prototype.exec = () => null",
        "Object.defineProperty(RegExp.prototype, 'lastIndex', {get: () => 0})",
    })
    void theRealmIsFrozenSoNothingPersists(String tampering) {
        var tenant = UUID.randomUUID();
        var error = fails(Kind.EXCEPTION, tenant, "function rule(input) { " + tampering + "; return []; }", LIMITS);
        assertTrue(error.message().startsWith("TypeError"), error::toString);
        assertHealthy(tenant);
    }

    @Test
    void theInputIsAFreshCopyEveryTime() {
        var tenant = UUID.randomUUID();
        var rule = Rules.compile("""
                let calls = 0;
                function rule(input) {
                  calls++;
                  const seen = [{type: 'seen', city: input.customFields.city, calls}];
                  input.customFields.city = 'Mutated';
                  Object.setPrototypeOf(input, {polluted: 'yes'});
                  return seen;
                }""");
        for (int i = 0; i < 3; i++) {
            var result = Rules.ENGINE.evaluate(tenant, rule, ORDER, LIMITS);
            var effects = assertInstanceOf(Evaluation.Effects.class, result, result::toString);
            assertEquals("[{\"type\":\"seen\",\"city\":\"Córdoba\",\"calls\":1}]", effects.effects().toString());
        }
        assertHealthy(tenant);
    }

    @Test
    void aPendingJobCannotWriteIntoTheNextEvaluation() {
        var tenant = UUID.randomUUID();
        var first = effects(tenant, """
                function rule() {
                  Promise.resolve().then(() => log('late'));
                  return [];
                }""", ORDER);
        var next = effects(tenant, "function rule() { log('next'); return []; }", ORDER);
        assertTrue(first.log().size() <= 1);
        assertEquals(java.util.List.of("next"), next.log());
    }

    @Test
    void catastrophicBacktrackingIsLinearInGraalJs() {
        long start = System.nanoTime();
        var result = effects(UUID.randomUUID(), """
                function rule() { return [{type: 'match', value: /^(a+)+$/.test('a'.repeat(5000) + 'b')}]; }""", ORDER);
        assertEquals("[{\"type\":\"match\",\"value\":false}]", result.effects().toString());
        assertTrue(System.nanoTime() - start < 1_000_000_000L);
    }
}
