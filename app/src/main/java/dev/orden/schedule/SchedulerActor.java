package dev.orden.schedule;

import dev.orden.identity.CurrentUser;
import java.util.Set;

/** The user a job runs as: nobody's token, no role; what it does is recorded under its own name. */
public final class SchedulerActor {

    public static final CurrentUser USER = new CurrentUser("scheduler", "scheduler", null, "Scheduler", Set.of());

    private SchedulerActor() {}
}
