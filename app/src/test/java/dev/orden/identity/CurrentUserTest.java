package dev.orden.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CurrentUserTest {

    private static CurrentUser withRoles(Set<Role> roles) {
        return new CurrentUser("u-1", "ann", "ann@example.com", "Ann", roles);
    }

    private static CurrentUser named(String name, String email, String username) {
        return new CurrentUser("u-1", username, email, name, Set.of());
    }

    @ParameterizedTest
    @CsvSource({
            "TENANT_ADMIN, true,  true",
            "DISPATCHER,   true,  true",
            "AGENT,        true,  false",
            "REQUESTER,    false, false"})
    void staffAndAssigners(Role role, boolean staff, boolean assigns) {
        var user = withRoles(EnumSet.of(role));
        assertEquals(staff, user.isStaff());
        assertEquals(assigns, user.canAssign());
        assertTrue(user.has(role));
    }

    /** The member row needs some contact: a token with neither e-mail nor user name falls back to the id. */
    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
            "ann@example.com, ann, ann@example.com",
            "-,               ann, ann",
            "-,               -,   u-1"})
    void contactFallsBackToTheUserNameThenTheId(String email, String username, String contact) {
        var user = named(null, email, username);
        assertEquals(contact, user.contact());
        assertEquals(contact, user.displayName());
    }

    @Test
    void noRolesIsNeitherStaffNorAssigner() {
        var user = withRoles(Set.of());
        assertFalse(user.isStaff());
        assertFalse(user.canAssign());
        assertFalse(user.has(Role.REQUESTER));
    }

    @Test
    void rolesCombine() {
        var user = withRoles(EnumSet.of(Role.REQUESTER, Role.AGENT));
        assertTrue(user.isStaff());
        assertFalse(user.canAssign());
    }

    @Test
    void rolesAreAnImmutableCopy() {
        var roles = EnumSet.of(Role.REQUESTER);
        var user = withRoles(roles);
        roles.add(Role.TENANT_ADMIN);
        assertFalse(user.isStaff(), "later changes to the caller's set do not leak in");
        assertThrows(UnsupportedOperationException.class, () -> user.roles().add(Role.TENANT_ADMIN));
        assertEquals(Set.of(Role.REQUESTER), user.roles());
    }

    @Test
    void displayNamePrefersTheName() {
        assertEquals("Ann Agent", named("Ann Agent", "ann@example.com", "ann").displayName());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void displayNameFallsBackToTheEmail(String name) {
        assertEquals("ann@example.com", named(name, "ann@example.com", "ann").displayName());
    }

    @Test
    void displayNameFallsBackToTheUsernameLast() {
        assertEquals("ann", named(null, null, "ann").displayName());
        assertEquals("ann", named(" ", null, "ann").displayName());
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void rolesAreFoundByTheirKeycloakName(Role role) {
        assertEquals(Optional.of(role), Role.byName(role.roleName()));
    }

    @Test
    void keycloakNames() {
        assertEquals("tenant-admin", Role.TENANT_ADMIN.roleName());
        assertEquals("dispatcher", Role.DISPATCHER.roleName());
        assertEquals("agent", Role.AGENT.roleName());
        assertEquals("requester", Role.REQUESTER.roleName());
        assertEquals(Role.Names.TENANT_ADMIN, Role.TENANT_ADMIN.roleName());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"TENANT_ADMIN", "Agent", "admin", "offline_access", " agent"})
    void unknownNamesAreNoRole(String name) {
        assertEquals(Optional.empty(), Role.byName(name));
    }
}
