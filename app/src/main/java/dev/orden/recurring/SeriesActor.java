package dev.orden.recurring;

import dev.orden.identity.CurrentUser;
import dev.orden.identity.Role;
import java.util.Set;

/**
 * Who makes a series' orders: the series itself, as flow rules are actors, so history shows
 * {@code series:<id>} and its name. It may assign (a template may name an assignee or team), as a dispatcher.
 */
final class SeriesActor {

    static final String PREFIX = "series:";

    private SeriesActor() {}

    static CurrentUser of(Series series) {
        var id = PREFIX + series.id();
        return new CurrentUser(id, id, null, series.definition().name() + " (recurring series)",
                Set.of(Role.DISPATCHER));
    }
}
