package dev.orden.porting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orden.identity.Role;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MemberRowsTest {

    private static MemberRows rows() {
        return new MemberRows(List.of("Email", "name", "roles", "teams"), Set.of("field", "office"),
                email -> switch (email) {
                    case "member@x.test" -> new MemberRows.Standing.Member(EnumSet.of(Role.AGENT, Role.DISPATCHER));
                    case "outsider@y.test" -> new MemberRows.Standing.Outsider();
                    default -> new MemberRows.Standing.Nobody();
                });
    }

    @Test
    void aNewPersonWithRolesAndTeams() {
        var errors = new ArrayList<RowError>();
        var cells = new String[] {"Ana@X.test", "Ana Agent", "agent; dispatcher", "field,office"};
        var person = rows().read(1, cells, errors)
                .orElseThrow();
        assertEquals(List.of(), errors);
        assertEquals("ana@x.test", person.email());
        assertEquals(EnumSet.of(Role.AGENT, Role.DISPATCHER), person.roles());
        assertEquals(List.of("field", "office"), person.teams());
        assertFalse(person.existing());
    }

    @Test
    void everyProblemOfARowIsReportedWithItsColumn() {
        var rows = rows();
        var errors = new ArrayList<RowError>();
        assertTrue(rows.read(1, new String[] {"no-email", "", "wizard", ""}, errors).isEmpty());
        assertTrue(rows.read(2, new String[] {"rita@x.test", "Rita", "requester", "field"}, errors).isEmpty());
        assertTrue(rows.read(3, new String[] {"zoe@x.test", "Zoe", "", "nowhere"}, errors).isEmpty());
        assertEquals(List.of("1:email", "1:roles", "2:teams", "3:roles", "3:teams"),
                errors.stream().map(e -> e.row() + ":" + e.column()).toList());
    }

    @Test
    void anEmailTwiceAnOutsiderAndAMemberAskingForMoreRolesAreRefused() {
        var rows = rows();
        var errors = new ArrayList<RowError>();
        rows.read(1, new String[] {"a@x.test", "", "agent", ""}, errors);
        assertTrue(rows.read(2, new String[] {"A@x.test", "", "agent", ""}, errors).isEmpty());
        assertTrue(rows.read(3, new String[] {"outsider@y.test", "", "agent", ""}, errors).isEmpty());
        assertTrue(rows.read(4, new String[] {"member@x.test", "", "tenant-admin", ""}, errors).isEmpty());
        assertEquals(List.of("2:email", "3:email", "4:roles"),
                errors.stream().map(e -> e.row() + ":" + e.column()).toList());
        var existing = rows().read(5, new String[] {"member@x.test", "", "agent", "field"}, errors).orElseThrow();
        assertTrue(existing.existing(), "a member joins teams, keeping their account");
        assertEquals("member@x.test", existing.name(), "no name: the e-mail");
    }

    @Test
    void theHeaderNeedsEmailAndRolesAndNothingElse() {
        var errors = new MemberRows(List.of("mail", "teams"), Set.of(), e -> new MemberRows.Standing.Nobody())
                .headerErrors();
        assertEquals(List.of("mail", "email", "roles"), errors.stream().map(RowError::column).toList());
    }
}
