package dev.orden.porting;

import dev.orden.config.ActiveConfiguration;
import dev.orden.config.ConfigService;
import dev.orden.identity.KeycloakAdmin;
import dev.orden.shared.problem.ProblemException;
import dev.orden.tenant.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * CSV import of people: every row checked first (nothing created in a dry run or when any row is wrong); then new
 * people are created in Keycloak (invited: no password, they choose one at first sign-in), given their realm roles
 * and made members of the tenant's organization, recorded as members, and added to their teams by a new published
 * configuration version. Keycloak has no transactions: what was created is deleted again if a later step fails.
 * People who belong to another tenant are never touched. Files hold at most {@value #MAX_ROWS} people.
 */
@ApplicationScoped
public class MemberImporter {

    static final int MAX_ROWS = 10_000;
    private static final Logger LOG = Logger.getLogger(MemberImporter.class.getName());

    @Inject
    KeycloakAdmin keycloak;

    @Inject
    TenantContext context;

    @Inject
    ConfigService config;

    @Inject
    ActiveConfiguration active;

    @Inject
    MemberRecords records;

    public ImportReport run(Reader body, boolean dryRun) {
        var report = new ImportReport(dryRun);
        var people = new ArrayList<MemberRows.Person>();
        try (var csv = CsvRecords.open(body)) {
            var rows = new MemberRows(csv.header(), teamKeys(), this::standing);
            rows.headerErrors().forEach(report::error);
            if (report.hasErrors()) return report;
            for (var cells = csv.next(); cells.isPresent(); cells = csv.next()) {
                if (csv.row() > MAX_ROWS) {
                    report.error(new RowError(csv.row(), null, "a file holds at most " + MAX_ROWS + " people"));
                    break;
                }
                var errors = new ArrayList<RowError>();
                rows.read(csv.row(), cells.get(), errors).ifPresent(people::add);
                report.row(errors);
            }
        }
        if (people.stream().anyMatch(p -> !p.teams().isEmpty()) && hasDraft()) {
            report.error(new RowError(0, "teams", "a configuration draft is pending; publish or discard it first, "
                    + "as teams change by publishing a new version"));
        }
        if (report.hasErrors() || dryRun) return report;
        apply(people);
        report.imported(people.stream().filter(p -> !p.existing()).count());
        return report;
    }

    /** Creates the new people in Keycloak, records them and publishes their teams; undoes Keycloak on failure. */
    void apply(List<MemberRows.Person> people) {
        var undo = new ArrayDeque<Runnable>();
        try {
            var created = new HashMap<String, String>();
            for (var person : people) {
                if (!person.existing()) created.put(person.email(), create(person, undo));
            }
            records.record(people, created, activeTeams());
        } catch (RuntimeException e) {
            compensate(undo);
            throw e;
        }
    }

    String create(MemberRows.Person person, Deque<Runnable> undo) {
        var id = keycloak.createInvitedUser(person.email(), person.name() != null ? person.name() : person.email());
        undo.push(() -> keycloak.deleteUser(id));
        keycloak.grantRealmRoles(id, person.roles());
        keycloak.addMember(context.tenant().keycloakOrgId(), id);
        return id;
    }

    private List<JsonObject> activeTeams() {
        var bundle = active.current().map(ActiveConfiguration.Active::bundle).orElse(JsonObject.EMPTY_JSON_OBJECT);
        return bundle.get("teams") instanceof JsonArray list ? list.getValuesAs(JsonObject.class) : List.of();
    }

    private Set<String> teamKeys() {
        var keys = new java.util.HashSet<String>();
        activeTeams().forEach(t -> keys.add(t.getString("key", "")));
        return keys;
    }

    MemberRows.Standing standing(String email) {
        var roles = keycloak.memberRoles(context.tenant().keycloakOrgId(), email);
        if (roles.isPresent()) return new MemberRows.Standing.Member(roles.get());
        return keycloak.findUserId(email).isPresent()
                ? new MemberRows.Standing.Outsider() : new MemberRows.Standing.Nobody();
    }

    private boolean hasDraft() {
        try {
            config.draft();
            return true;
        } catch (ProblemException e) {
            if (e.problem().status() == 404) return false;
            throw e;
        }
    }

    static void compensate(Deque<Runnable> undo) {
        while (!undo.isEmpty()) {
            try {
                undo.pop().run();
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "Could not undo a Keycloak change of a failed import; clean it up by hand", e);
            }
        }
    }
}
