package dev.orden.schedule;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * A cron expression of the classic Unix form, five fields: minute, hour, day of month, month, day of week
 * ({@code 0 7 * * 1-5}: 07:00 on weekdays). Parsing, validation and the next times are cron-utils'; this class only
 * fixes the dialect and speaks {@link Instant}s in a given zone.
 */
public final class Cron {

    private static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

    private final String expression;
    private final ExecutionTime times;

    private Cron(String expression, ExecutionTime times) {
        this.expression = expression;
        this.times = times;
    }

    /** The expression parsed; an {@link IllegalArgumentException} saying what is wrong otherwise. */
    public static Cron parse(String expression) {
        if (expression == null || expression.isBlank()) throw new IllegalArgumentException("is empty");
        var trimmed = expression.strip();
        try {
            return new Cron(trimmed, ExecutionTime.forCron(PARSER.parse(trimmed).validate()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("is not a cron expression (minute hour day-of-month month day-of-week): "
                    + e.getMessage(), e);
        }
    }

    /** The first time strictly after {@code after}, on the wall clock of {@code zone}; empty if it never comes. */
    public Optional<Instant> next(Instant after, ZoneId zone) {
        return times.nextExecution(after.atZone(zone)).map(time -> time.toInstant());
    }

    public String expression() {
        return expression;
    }

    @Override
    public String toString() {
        return expression;
    }
}
