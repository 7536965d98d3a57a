package dev.orden.assignment;

import dev.orden.identity.Member;
import dev.orden.identity.MemberDirectory;
import dev.orden.identity.Role;
import dev.orden.plugin.assignment.Availability;
import dev.orden.shared.problem.ProblemException;
import dev.orden.tenant.TenantContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** A member's availability for new work: theirs to set, or a dispatcher's or admin's. {@code me} is the caller. */
@Path("members/{id}/availability")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
@RolesAllowed({Role.Names.TENANT_ADMIN, Role.Names.DISPATCHER, Role.Names.AGENT})
public class MemberAvailabilityResource {

    public record AvailabilityView(String memberId, String availability, Instant until, Instant updatedAt,
                                   String updatedBy) {

        static AvailabilityView of(String memberId, Availabilities.Status status) {
            return new AvailabilityView(memberId, status.availability().name().toLowerCase(Locale.ROOT),
                    status.until(), status.updatedAt(), status.updatedBy());
        }
    }

    @Inject
    Availabilities availabilities;

    @Inject
    MemberDirectory members;

    @Inject
    TenantContext context;

    @GET
    @Transactional
    @Operation(summary = "Whether the member takes new work: active, or away (until when, if set)")
    public AvailabilityView get(@PathParam("id") String id) {
        var member = member(id);
        return AvailabilityView.of(member.toString(), availabilities.of(member));
    }

    @PUT
    @Transactional
    @Operation(summary = "Set a member active or away (optionally until an instant); strategies skip away members")
    public AvailabilityView set(@PathParam("id") String id,
                                @NotNull(message = "a JSON object is required") @Valid AvailabilityRequest request) {
        var member = member(id);
        var user = context.user();
        AvailabilityPolicy.requireCanSet(user, member.toString());
        var availability = Availability.valueOf(request.availability().toUpperCase(Locale.ROOT));
        var until = until(request.until(), availability);
        availabilities.set(member, availability, until, user.id());
        return AvailabilityView.of(member.toString(), availabilities.of(member));
    }

    private UUID member(String id) {
        var userId = "me".equals(id) ? context.user().id() : id;
        UUID uuid;
        try {
            uuid = UUID.fromString(userId);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("Member " + id);
        }
        return members.find(uuid).filter(Member::canBeAssigned).map(Member::userId)
                .orElseThrow(() -> ProblemException.notFound("Member " + id));
    }

    private static Instant until(String text, Availability availability) {
        if (text == null) return null;
        if (availability != Availability.AWAY) throw ProblemException.invalid("until", "is only for away");
        Instant until;
        try {
            until = OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("until", "must be a date-time with an offset, e.g. 2026-08-31T22:00:00Z");
        }
        if (!until.isAfter(Instant.now())) throw ProblemException.invalid("until", "must be in the future");
        return until;
    }
}
