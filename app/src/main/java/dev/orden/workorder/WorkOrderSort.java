package dev.orden.workorder;

import dev.orden.shared.problem.ProblemException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The orders a list can be sorted in; the per-tenant number breaks ties, so every order is total. */
public enum WorkOrderSort {
    NUMBER("number", null, true),
    NUMBER_DESC("-number", null, false),
    CREATED("createdAt", "createdAt", true),
    CREATED_DESC("-createdAt", "createdAt", false),
    UPDATED("updatedAt", "updatedAt", true),
    UPDATED_DESC("-updatedAt", "updatedAt", false);

    private final String parameter;
    private final String timeField;
    private final boolean ascending;

    WorkOrderSort(String parameter, String timeField, boolean ascending) {
        this.parameter = parameter;
        this.timeField = timeField;
        this.ascending = ascending;
    }

    public static WorkOrderSort parse(String value) {
        if (value == null || value.isBlank()) return CREATED_DESC;
        return Arrays.stream(values()).filter(s -> s.parameter.equals(value)).findFirst()
                .orElseThrow(() -> ProblemException.invalid("sort", "must be one of "
                        + Arrays.stream(values()).map(WorkOrderSort::parameter).collect(Collectors.joining(", "))));
    }

    public String parameter() {
        return parameter;
    }

    /** The timestamp attribute sorted on, or null when sorting by number alone. */
    String timeField() {
        return timeField;
    }

    boolean ascending() {
        return ascending;
    }
}
