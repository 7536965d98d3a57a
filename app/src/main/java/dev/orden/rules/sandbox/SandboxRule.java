package dev.orden.rules.sandbox;

import dev.orden.rules.CompiledRule;
import org.graalvm.polyglot.Source;

/**
 * A compiled rule: its text, and the same text wrapped in a function (the program every context evaluates once and
 * calls per evaluation, for a fresh closure each time). The wrapper starts on the source's first line, so only line
 * 1's columns move. Equality is identity: contexts cache the evaluated program per object.
 */
final class SandboxRule implements CompiledRule {

    static final String STRICT = "\"use strict\";";
    static final String HEAD = "(function () {" + STRICT;
    private static final String TAIL = "\n;return typeof rule === \"function\" ? rule : undefined;\n})";

    private final String name;
    private final String source;
    private final Source program;

    SandboxRule(String name, String source) {
        this.name = name;
        this.source = source;
        this.program = Source.newBuilder("js", HEAD + source + TAIL, name + ".js").cached(true).buildLiteral();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String source() {
        return source;
    }

    Source program() {
        return program;
    }

    /** The same text as a top-level strict script: that it parses too proves the text cannot close the wrapper. */
    Source standalone() {
        return Source.newBuilder("js", STRICT + source, name + ".js").cached(false).buildLiteral();
    }

    /** A column of line 1 in the program (or the standalone script) as a column of the tenant's text. */
    static int column(int line, int column, int prefixLength) {
        return line == 1 ? Math.max(1, column - prefixLength) : column;
    }

    @Override
    public String toString() {
        return "rule " + name;
    }
}
