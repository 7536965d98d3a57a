package dev.orden.porting;

import dev.orden.identity.Role;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The rows of a members CSV ({@code email, name, roles, teams}; roles and teams separated by {@code ;}, {@code ,} or
 * spaces) checked before anything is created: e-mail syntax and repeats, known roles, known teams for staff only,
 * and where each person stands in Keycloak ({@link Standing}).
 */
final class MemberRows {

    static final Set<String> COLUMNS = Set.of("email", "name", "roles", "teams");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern LIST = Pattern.compile("[;,|\\s]+");
    private static final Set<Role> STAFF = Set.of(Role.AGENT, Role.DISPATCHER, Role.TENANT_ADMIN);

    /** Where an e-mail stands: a member of this tenant (with these roles), someone else's account, or nobody. */
    sealed interface Standing {
        record Member(Set<Role> roles) implements Standing {}
        record Outsider() implements Standing {}
        record Nobody() implements Standing {}
    }

    /** One person to import ({@code name} may be null); {@code existing} when already a member (only teams change). */
    record Person(long row, String email, String name, Set<Role> roles, List<String> teams, boolean existing) {}

    private final List<String> header;
    private final Set<String> teamKeys;
    private final Function<String, Standing> standing;
    private final Set<String> seen = new HashSet<>();

    MemberRows(List<String> header, Set<String> teamKeys, Function<String, Standing> standing) {
        this.header = header.stream().map(c -> c.strip().toLowerCase(Locale.ROOT)).toList();
        this.teamKeys = teamKeys;
        this.standing = standing;
    }

    List<RowError> headerErrors() {
        var errors = new ArrayList<RowError>();
        for (var column : header) {
            if (!COLUMNS.contains(column)) {
                errors.add(new RowError(0, column, "is not a column of members; columns: email, name, roles, teams"));
            }
        }
        if (new HashSet<>(header).size() != header.size()) errors.add(new RowError(0, null, "repeats a column"));
        if (!header.contains("email")) errors.add(new RowError(0, "email", "the header has no email column"));
        if (!header.contains("roles")) errors.add(new RowError(0, "roles", "the header has no roles column"));
        return errors;
    }

    /** The row as a person to import, or empty with its errors added. */
    Optional<Person> read(long row, String[] cells, List<RowError> errors) {
        var values = new java.util.HashMap<String, String>();
        for (int i = 0; i < Math.min(cells.length, header.size()); i++) {
            values.put(header.get(i), cells[i] == null ? "" : cells[i].strip());
        }
        if (cells.length != header.size()) {
            errors.add(new RowError(row, null, "has " + cells.length + " values; the header has " + header.size()));
        }
        var email = values.getOrDefault("email", "").toLowerCase(Locale.ROOT);
        var name = values.getOrDefault("name", "");
        int before = errors.size();
        if (!EMAIL.matcher(email).matches()) errors.add(new RowError(row, "email", "must be an e-mail address"));
        else if (!seen.add(email)) errors.add(new RowError(row, "email", "appears on an earlier row"));
        if (name.length() > 200) errors.add(new RowError(row, "name", "must be at most 200 characters"));
        var roles = roles(row, values.getOrDefault("roles", ""), errors);
        var teams = teams(row, values.getOrDefault("teams", ""), roles, errors);
        if (errors.size() > before) return Optional.empty();
        var where = standing.apply(email);
        if (where instanceof Standing.Outsider) {
            errors.add(new RowError(row, "email", "belongs to an account outside this tenant"));
            return Optional.empty();
        }
        if (where instanceof Standing.Member member && !member.roles().containsAll(roles)) {
            errors.add(new RowError(row, "roles", "is already a member of this tenant as " + names(member.roles())
                    + "; roles of members are changed in Keycloak"));
            return Optional.empty();
        }
        return Optional.of(new Person(row, email, name.isEmpty() ? email : name, roles, teams,
                where instanceof Standing.Member));
    }

    private static Set<Role> roles(long row, String cell, List<RowError> errors) {
        var roles = EnumSet.noneOf(Role.class);
        for (var name : LIST.split(cell)) {
            if (name.isBlank()) continue;
            Role.byName(name.toLowerCase(Locale.ROOT)).ifPresentOrElse(roles::add, () -> errors.add(new RowError(row,
                    "roles", "'" + name + "' is not a role; roles: tenant-admin, dispatcher, agent, requester")));
        }
        if (roles.isEmpty() && errors.stream().noneMatch(e -> e.row() == row && "roles".equals(e.column()))) {
            errors.add(new RowError(row, "roles", "at least one role is required"));
        }
        return roles;
    }

    private List<String> teams(long row, String cell, Set<Role> roles, List<RowError> errors) {
        var teams = new LinkedHashSet<String>();
        for (var key : LIST.split(cell)) {
            if (key.isBlank()) continue;
            if (!teamKeys.contains(key)) errors.add(new RowError(row, "teams", "unknown team '" + key + "'"));
            else teams.add(key);
        }
        if (!teams.isEmpty() && roles.stream().noneMatch(STAFF::contains)) {
            errors.add(new RowError(row, "teams", "only agents, dispatchers and admins can work in a team"));
        }
        return List.copyOf(teams);
    }

    private static String names(Set<Role> roles) {
        return String.join(", ", roles.stream().map(Role::roleName).sorted().toList());
    }
}
