package dev.orden.assignment;

import dev.orden.identity.Member;
import dev.orden.plugin.assignment.Availability;
import dev.orden.plugin.assignment.Candidate;
import dev.orden.shared.persistence.TenantEntityManager;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.FlushModeType;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The candidates for an assignment: the members of a team (or of every team), as far as Orden has seen them and
 * they may be given work, each with their availability, capacity, skills and areas (their teams' plus their
 * profile's), home, and open orders by priority.
 */
@ApplicationScoped
class CandidatePool {

    @Inject
    TenantEntityManager tenantEm;

    @Inject
    Availabilities availabilities;

    @Inject
    Workloads workloads;

    List<Candidate> candidates(AssignmentConfig config, String team) {
        var emails = new TreeSet<String>();
        config.teams().values().stream().filter(t -> team == null || t.key().equals(team))
                .forEach(t -> emails.addAll(t.members()));
        var members = members(emails).stream().filter(Member::canBeAssigned).toList();
        var away = availabilities.away();
        var load = workloads.openByPriority(members.stream().map(m -> m.userId().toString()).toList());
        return members.stream().map(m -> candidate(config, m, away.containsKey(m.userId()),
                load.getOrDefault(m.userId().toString(), Map.of()))).toList();
    }

    private static Candidate candidate(AssignmentConfig config, Member member, boolean away,
                                       Map<String, Integer> open) {
        var email = member.email().toLowerCase(Locale.ROOT);
        var profile = config.profile(email);
        var skills = new HashSet<>(profile.skills());
        var areas = new HashSet<>(profile.areas());
        config.teams().values().stream().filter(t -> t.members().contains(email)).forEach(t -> {
            skills.addAll(t.skills());
            areas.addAll(t.areas());
        });
        return new Candidate(member.userId().toString(), member.email(), member.displayName(),
                away ? Availability.AWAY : Availability.ACTIVE, profile.capacity(), Set.copyOf(skills),
                Set.copyOf(areas), profile.home(), open);
    }

    private List<Member> members(Collection<String> emails) {
        if (emails.isEmpty()) return List.of();
        return tenantEm.em().createQuery("SELECT m FROM Member m WHERE LOWER(m.email) IN :emails ORDER BY m.email",
                        Member.class)
                .setParameter("emails", List.copyOf(emails)).setFlushMode(FlushModeType.COMMIT).getResultList();
    }
}
