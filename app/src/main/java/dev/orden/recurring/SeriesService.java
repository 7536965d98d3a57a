package dev.orden.recurring;

import dev.orden.config.ActiveConfiguration;
import dev.orden.config.TenantSettings;
import dev.orden.recurring.Series.Status;
import dev.orden.schedule.Jobs;
import dev.orden.shared.problem.FieldError;
import dev.orden.shared.problem.Problem;
import dev.orden.shared.problem.ProblemException;
import dev.orden.shared.problem.ProblemType;
import dev.orden.tenant.TenantContext;
import dev.orden.workorder.WorkOrderService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import dev.orden.shared.json.Json;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The use cases on the caller's tenant's series, and when each is due next: one job (kind {@code recurring}, key
 * the series id) at the creation time of its next occurrence while it is active and has one.
 */
@ApplicationScoped
@Transactional
public class SeriesService {

    @Inject
    SeriesRepository repository;

    @Inject
    ActiveConfiguration configuration;

    @Inject
    WorkOrderService workOrders;

    @Inject
    Jobs jobs;

    @Inject
    TenantContext context;

    Series create(JsonObject body) {
        var now = Instant.now();
        var definition = read(body, now);
        var first = definition.plan().firstAfter(now, 0)
                .orElseThrow(() -> ProblemException.invalid("endsOn", "leaves no occurrence after now"));
        var series = new Series(UUID.randomUUID(), definition, Status.ACTIVE, first, 0, 0, now,
                context.user().id(), now);
        repository.add(series);
        schedule(series);
        return series;
    }

    List<Series> list() {
        return repository.list();
    }

    Series get(String id) {
        return repository.find(parse(id)).orElseThrow(() -> notFound(id));
    }

    List<SeriesRepository.MadeOrder> orders(String id) {
        return repository.orders(get(id).id());
    }

    /** A new definition for the occurrences still to come; an active series' next one is worked out again. */
    Series update(String id, JsonObject body) {
        var series = locked(id);
        requireNotEnded(series);
        var now = Instant.now();
        var changed = series.defined(read(body, now));
        return store(changed.status() == Status.ACTIVE ? recomputed(changed, now) : changed.moved(Status.PAUSED, null,
                changed.generated()));
    }

    Series pause(String id) {
        var series = locked(id);
        requireNotEnded(series);
        if (series.status() == Status.PAUSED) return series;
        return store(series.moved(Status.PAUSED, null, series.generated()));
    }

    /** Active again, its next occurrence the first to come from now (none missed while paused is made). */
    Series resume(String id) {
        var series = locked(id);
        requireNotEnded(series);
        if (series.status() == Status.ACTIVE) return series;
        return store(recomputed(series, Instant.now()));
    }

    Series end(String id) {
        var series = locked(id);
        if (series.status() == Status.ENDED) return series;
        return store(series.moved(Status.ENDED, null, series.generated()));
    }

    /**
     * An order of an after-completion series reached the resolved category: when it was the series' latest and
     * the series waits for it, the next occurrence is set from now.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void completed(SeriesRepository.Link link, Instant now) {
        var series = repository.lock(link.seriesId()).orElseThrow();
        if (!series.afterCompletion() || series.status() != Status.ACTIVE || series.nextOccurrence() != null) return;
        var latest = repository.latest(series.id());
        if (latest.isEmpty() || !latest.get().occurrence().equals(link.occurrence())) return;
        var plan = series.definition().plan();
        var next = plan.afterCompleted(now, series.generated());
        store(series.moved(next.isPresent() ? Status.ACTIVE : Status.ENDED, next.orElse(null), series.generated()));
    }

    /** Stores the series and sets its job to match: due at its next order's creation time, or gone. */
    private Series store(Series series) {
        repository.save(series);
        schedule(series);
        return repository.find(series.id()).orElseThrow();
    }

    private void schedule(Series series) {
        if (series.status() == Status.ACTIVE && series.nextOccurrence() != null) {
            var next = series.nextOccurrence();
            jobs.schedule(SeriesJobs.KIND, series.id().toString(), next + "#" + series.revision(),
                    Json.createObjectBuilder().add("series", series.id().toString()).build(),
                    series.definition().plan().createAt(next));
        } else {
            jobs.keepOnly(SeriesJobs.KIND, repository.scheduled());
        }
    }

    /**
     * The series active with its next occurrence worked out from now: the first to come after now (and after the
     * latest made); for an after-completion series, the days after its latest order was completed (from now if
     * that is past), none while that order is open.
     */
    private Series recomputed(Series series, Instant now) {
        var plan = series.definition().plan();
        var latest = repository.latest(series.id());
        Optional<Instant> next;
        if (series.afterCompletion() && latest.isPresent()) {
            var completedAt = latest.get().completedAt();
            next = completedAt == null ? Optional.empty() : plan.afterCompleted(completedAt, series.generated())
                    .filter(at -> at.isAfter(now)).or(() -> plan.firstAfter(now, series.generated()));
        } else {
            var from = latest.map(SeriesRepository.MadeOrder::occurrence).filter(at -> at.isAfter(now)).orElse(now);
            next = plan.firstAfter(from, series.generated());
        }
        var ended = next.isEmpty() && (!series.afterCompletion() || plan.exhausted(series.generated(), now));
        return series.moved(ended ? Status.ENDED : Status.ACTIVE, next.orElse(null), series.generated());
    }

    /** A series without a zone of its own is in the tenant's ({@code settings.json}). */
    private ZoneId tenantZone() {
        return configuration.current().map(active -> TenantSettings.of(active.bundle()).timeZone())
                .orElse(TenantSettings.DEFAULTS.timeZone());
    }

    /** The definition in {@code body}, its template checked as a create request would be (errors under template.). */
    private SeriesDefinition read(JsonObject body, Instant now) {
        var definition = SeriesInput.read(body, tenantZone(), now);
        try {
            workOrders.checkTemplate(definition.template());
        } catch (ProblemException e) {
            var problem = e.problem();
            if (problem.status() != ProblemType.VALIDATION.status() || problem.errors() == null) throw e;
            throw ProblemException.invalid(problem.errors().stream()
                    .map(error -> new FieldError("template." + error.field(), error.message())).toList());
        }
        return definition;
    }

    private Series locked(String id) {
        return repository.lock(parse(id)).orElseThrow(() -> notFound(id));
    }

    private static void requireNotEnded(Series series) {
        if (series.status() == Status.ENDED) {
            throw new ProblemException(Problem.of(ProblemType.CONFLICT, "The series has ended; define a new one"));
        }
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw notFound(id);
        }
    }

    private static ProblemException notFound(String id) {
        return ProblemException.notFound("Recurring series " + id);
    }
}
