package dev.orden.porting;

import dev.orden.config.ActiveConfiguration;
import dev.orden.config.field.FieldDefinition;
import dev.orden.identity.Member;
import dev.orden.identity.MemberDirectory;
import dev.orden.shared.persistence.TenantEntityManager;
import dev.orden.shared.problem.ProblemException;
import dev.orden.sla.SlaClock;
import dev.orden.tenant.TenantContext;
import dev.orden.workorder.WorkOrder;
import dev.orden.workorder.WorkOrderImports;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.Reader;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * CSV import of work orders: every row checked as {@code POST /workorders} checks a body, in one pass over the
 * stream. A dry run stores nothing; a real import writes batches as it goes and, at the first error, stops writing
 * and keeps checking, then refuses the whole file ({@link ImportRefused} rolls the transaction back). Imported orders
 * get numbers, a {@code CREATED} history entry naming the importer and the row, and SLA clocks; no flow rules,
 * notifications, webhooks or live events (they follow {@code WorkOrderChanged}, which an import does not fire).
 */
@ApplicationScoped
public class OrderImporter {

    private static final int MAX_CACHED_PEOPLE = 10_000;

    @Inject
    TenantEntityManager tenantEm;

    @Inject
    TenantContext context;

    @Inject
    WorkOrderImports imports;

    @Inject
    ActiveConfiguration configuration;

    @Inject
    MemberDirectory members;

    @Inject
    SlaClock clocks;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    LongTransaction transaction;

    public ImportReport run(Reader body, boolean dryRun) {
        return transaction.run(() -> importing(body, dryRun));
    }

    private ImportReport importing(Reader body, boolean dryRun) {
        var em = tenantEm.em();
        var report = new ImportReport(dryRun);
        var user = context.user();
        var importer = new OrderWriter.Person(user.id(), user.displayName());
        var writer = dryRun ? null : new OrderWriter(em.unwrap(Connection.class), importer);
        var session = imports.session();
        var people = new People();
        var fieldTypes = new HashMap<String, Map<String, String>>();
        try (var csv = CsvRecords.open(body)) {
            var columns = OrderColumns.of(csv.header());
            columns.headerErrors().forEach(report::error);
            if (report.hasErrors()) return refused(report);
            for (var cells = csv.next(); cells.isPresent(); cells = csv.next()) {
                var row = csv.row();
                var mapped = columns.map(row, cells.get(), type -> fieldTypes.computeIfAbsent(
                        type == null ? "general" : type, this::fieldTypes),
                        email -> people.find(email).map(m -> m.userId().toString()));
                var errors = new ArrayList<>(mapped.errors());
                var pending = check(session, row, mapped, columns, people, importer, errors);
                report.row(errors);
                if (writer != null && !report.hasErrors() && writer.add(pending)) writer.flush();
            }
        }
        if (report.hasErrors()) return refused(report);
        if (writer != null) {
            writer.flush();
            startClocks(writer);
            report.imported(writer.written());
        }
        return report;
    }

    /** Nothing of a file with errors is kept: the batches already written go with the rolled-back transaction. */
    private ImportReport refused(ImportReport report) {
        if (!report.dryRun()) transactions.setRollbackOnly();
        return report;
    }

    private OrderWriter.Pending check(WorkOrderImports.Session session, long row, OrderColumns.Mapped mapped,
                                      OrderColumns columns, People people,
                                      OrderWriter.Person importer, List<RowError> errors) {
        WorkOrderImports.Checked order = null;
        try {
            order = session.check(mapped.body(), mapped.status());
        } catch (ProblemException e) {
            var fieldErrors = e.problem().errors();
            if (fieldErrors == null) errors.add(new RowError(row, null, e.problem().detail()));
            else fieldErrors.forEach(f -> errors.add(new RowError(row, columns.columnOf(f.field()), f.message())));
        }
        var requester = importer;
        if (mapped.requesterEmail() != null) {
            requester = people.find(mapped.requesterEmail()).map(OrderImporter::person).orElse(null);
            if (requester == null) {
                errors.add(new RowError(row, columns.columnOf("requester_email"), OrderColumns.NO_MEMBER));
            }
        }
        OrderWriter.Person assignee = null;
        if (mapped.assigneeEmail() != null) {
            var member = people.find(mapped.assigneeEmail());
            if (member.isEmpty() || !member.get().canBeAssigned()) {
                errors.add(new RowError(row, columns.columnOf("assignee_email"),
                        "is not an agent, dispatcher or admin of this tenant"));
            } else {
                assignee = person(member.get());
            }
        }
        if (!errors.isEmpty()) return null;
        return new OrderWriter.Pending(row, order, requester, assignee, mapped.body().getString("team", null),
                mapped.createdAt());
    }

    /**
     * Starts the SLA clocks of every stored order, a page at a time (each page let go from the persistence context),
     * once the whole file is known to be good: a refused file costs no clock work.
     */
    private void startClocks(OrderWriter writer) {
        if (writer.written() == 0) return;
        var em = tenantEm.em();
        for (long from = writer.firstNumber(); from <= writer.lastNumber(); from += OrderWriter.BATCH) {
            em.createQuery("SELECT w FROM WorkOrder w WHERE w.number BETWEEN :from AND :to", WorkOrder.class)
                    .setParameter("from", from)
                    .setParameter("to", Math.min(writer.lastNumber(), from + OrderWriter.BATCH - 1))
                    .getResultList().forEach(clocks::startImported);
            em.flush();
            em.clear();
        }
    }

    private Map<String, String> fieldTypes(String type) {
        return configuration.current().flatMap(active -> active.types().fieldsOf(type)).orElse(List.of()).stream()
                .collect(Collectors.toMap(FieldDefinition::key, f -> f.type().name(), (a, b) -> a));
    }

    private static OrderWriter.Person person(Member member) {
        return new OrderWriter.Person(member.userId().toString(),
                member.displayName() != null ? member.displayName() : member.email());
    }

    /** Members by e-mail, each looked up once (up to a bound, so that a file of many people stays small). */
    private final class People {
        private final Map<String, Optional<Member>> byEmail = new HashMap<>();

        Optional<Member> find(String email) {
            if (byEmail.size() >= MAX_CACHED_PEOPLE) byEmail.clear();
            return byEmail.computeIfAbsent(email, members::findByEmail);
        }
    }
}
