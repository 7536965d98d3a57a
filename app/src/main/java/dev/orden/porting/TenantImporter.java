package dev.orden.porting;

import dev.orden.identity.KeycloakAdmin;
import dev.orden.identity.Role;
import dev.orden.shared.problem.FieldError;
import dev.orden.shared.problem.ProblemException;
import dev.orden.tenant.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import dev.orden.shared.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.stream.JsonParser;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;

/**
 * A tenant export ({@link TenantExporter}) read into the caller's tenant, which must have no orders yet (409
 * otherwise). The document is read as a stream: members and configuration first, then the orders one at a time, so
 * {@code orders} must come last, as the export writes it. People are mapped by e-mail: members of this tenant keep
 * their account, unknown e-mails are invited in Keycloak with their roles, an e-mail of someone outside this tenant
 * refuses the file. Configuration versions are appended after the tenant's own (version n becomes n + k, k the
 * tenant's highest version before), orders keep their numbers and ids. Keycloak changes are undone if storing fails.
 */
@ApplicationScoped
public class TenantImporter {

    @Inject
    KeycloakAdmin keycloak;

    @Inject
    TenantContext context;

    @Inject
    MemberImporter memberImporter;

    @Inject
    TenantRestore restore;

    @Inject
    Event<DataPorted> ported;

    public JsonObject run(InputStream body) {
        try (var parser = Json.createParser(body)) {
            var head = readHead(parser);
            restore.requireEmpty();
            var people = people(head.members());
            var undo = new ArrayDeque<Runnable>();
            try {
                var ids = new HashMap<String, String>();
                for (var person : people) {
                    ids.put(person.email(), person.existing() ? keycloak.findUserId(person.email()).orElseThrow()
                            : memberImporter.create(person, undo));
                }
                var summary = restore.restore(parser, people, ids, head.configVersions(), head.activeVersion());
                var user = context.user();
                ported.fire(new DataPorted(context.tenantId(), user.id(), user.displayName(), "import",
                        summary.getJsonNumber("orders").longValue(), Instant.now()));
                return summary;
            } catch (RuntimeException e) {
                MemberImporter.compensate(undo);
                throw e;
            }
        } catch (JsonException e) {
            throw ProblemException.invalid("body", "is not a tenant export: " + e.getMessage());
        }
    }

    /** Everything before {@code orders}; the parser is left at the orders' array. */
    record Head(List<JsonObject> members, List<JsonObject> configVersions, Integer activeVersion) {}

    private static Head readHead(JsonParser parser) {
        if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
            throw ProblemException.invalid("body", "must be a JSON object, a tenant export");
        }
        List<JsonObject> members = null;
        List<JsonObject> versions = null;
        Integer active = null;
        String format = null;
        while (parser.hasNext()) {
            var event = parser.next();
            if (event == JsonParser.Event.END_OBJECT) break;
            var key = parser.getString();
            var value = parser.next();
            switch (key) {
                case "format" -> format = parser.getValue() instanceof JsonString s ? s.getString() : null;
                case "members" -> members = parser.getArray().getValuesAs(JsonObject.class);
                case "configVersions" -> versions = parser.getArray().getValuesAs(JsonObject.class);
                case "activeVersion" -> active = parser.getInt();
                case "orders" -> {
                    if (!TenantExporter.FORMAT.equals(format) || members == null || versions == null
                            || active == null) {
                        throw ProblemException.invalid("orders", "must come after format, members, configVersions "
                                + "and activeVersion, as an export writes them");
                    }
                    return new Head(members, versions, active);
                }
                default -> skip(parser, value);
            }
        }
        throw ProblemException.invalid("orders", "is missing; a tenant export ends with its orders");
    }

    /** Past a value the import does not read (the tenant block, what a later format adds). */
    private static void skip(JsonParser parser, JsonParser.Event value) {
        if (value == JsonParser.Event.START_OBJECT) parser.skipObject();
        else if (value == JsonParser.Event.START_ARRAY) parser.skipArray();
    }

    /** The members as people to map or invite; anyone outside this tenant refuses the file. */
    private List<MemberRows.Person> people(List<JsonObject> members) {
        var errors = new ArrayList<FieldError>();
        var people = new ArrayList<MemberRows.Person>();
        for (int i = 0; i < members.size(); i++) {
            var member = members.get(i);
            var email = member.getString("email", "").toLowerCase(Locale.ROOT);
            var roles = EnumSet.noneOf(Role.class);
            if (member.get("roles") instanceof JsonArray list) {
                list.getValuesAs(JsonString.class).forEach(r -> Role.byName(r.getString()).ifPresent(roles::add));
            }
            var standing = memberImporter.standing(email);
            if (standing instanceof MemberRows.Standing.Outsider) {
                errors.add(new FieldError("members/" + i + "/email",
                        email + " belongs to an account outside this tenant"));
                continue;
            }
            var name = member.getString("name", null);
            people.add(new MemberRows.Person(i, email, name, roles, List.of(),
                    standing instanceof MemberRows.Standing.Member));
        }
        if (!errors.isEmpty()) throw ProblemException.invalid(errors);
        return people;
    }
}
