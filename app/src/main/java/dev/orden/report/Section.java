package dev.orden.report;

import dev.orden.shared.problem.ProblemException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The tables of the summary a CSV export can hold, one per request ({@code section=}, daily by default). */
public enum Section {
    DAILY(List.of("date", "created", "completed")),
    WEEKLY(List.of("week_start", "created", "completed")),
    BACKLOG(List.of("dimension", "key", "count")),
    BACKLOG_DAILY(List.of("date", "new", "open", "pending", "total")),
    BACKLOG_DAILY_BY(List.of("date", "dimension", "key", "count")),
    TIMES(List.of("step", "count", "mean_seconds", "p90_seconds")),
    SLA(List.of("type", "priority", "first_response_met", "first_response_breached", "first_response_percent",
            "resolution_met", "resolution_breached", "resolution_percent")),
    AGENTS(List.of("agent_id", "agent_name", "completed")),
    WORKLOAD(List.of("agent_id", "agent_name", "new", "open", "pending", "total", "scheduled_today")),
    CSAT(List.of("score", "count"));

    private final List<String> header;

    Section(List<String> header) {
        this.header = header;
    }

    public List<String> header() {
        return header;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Section parse(String value) {
        if (value == null || value.isBlank()) return DAILY;
        return Arrays.stream(values()).filter(s -> s.key().equals(value.strip())).findFirst()
                .orElseThrow(() -> ProblemException.invalid("section", "must be one of " + Arrays.stream(values())
                        .map(Section::key).collect(Collectors.joining(", "))));
    }
}
