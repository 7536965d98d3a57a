package dev.orden.config.field;

import java.util.Set;

/** When a field is visible or required, after Zammad's core workflow. Parse with {@link ConditionParser}. */
public sealed interface Condition
        permits EqualsCondition, NotEqualsCondition, InCondition, NotEmptyCondition, EmptyCondition, AllCondition,
                AnyCondition, NotCondition {

    boolean test(FieldLookup values);

    /** The keys of the fields this condition reads. */
    Set<String> fields();
}
