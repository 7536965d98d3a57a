package dev.orden.identity;

import dev.orden.shared.problem.ProblemException;
import dev.orden.shared.problem.ProblemType;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import dev.orden.shared.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Keycloak's Admin REST API, as the {@code orden-api} client's service account: organizations (tenants), users,
 * realm roles and memberships. Failures become {@link ProblemException}s: 409 for what already exists, 503 when
 * Keycloak cannot be reached (connections refused or timed out after a few seconds), 502 for the rest.
 */
@ApplicationScoped
public class KeycloakAdmin {

    @Inject
    KeycloakSettings settings;

    @Inject
    KeycloakReachability reachability;

    private Client client;
    private volatile String token;
    private volatile Instant tokenExpires = Instant.EPOCH;

    private synchronized Client client() {
        if (client == null) {
            client = ClientBuilder.newBuilder().connectTimeout(2, TimeUnit.SECONDS).readTimeout(10, TimeUnit.SECONDS)
                    .build();
        }
        return client;
    }

    @PreDestroy
    synchronized void close() {
        if (client != null) client.close();
    }

    /** Creates the organization whose alias is the tenant's slug; returns its id. */
    public String createOrganization(String alias, String name) {
        var body = Json.createObjectBuilder()
                .add("name", name)
                .add("alias", alias)
                .add("enabled", true)
                .build();
        return created(admin().path("organizations"), body, "organization '" + alias + "'");
    }

    public Optional<String> findOrganizationId(String alias) {
        var found = read(admin().path("organizations").queryParam("q", "alias:" + alias),
                JsonArray.class);
        return found.getValuesAs(JsonObject.class).stream()
                .filter(o -> alias.equals(o.getString("alias", null)))
                .map(o -> o.getString("id"))
                .findFirst();
    }

    public void deleteOrganization(String id) {
        delete(admin().path("organizations").path(id));
    }

    /** Creates an enabled user with a permanent password; returns the user id. */
    public String createUser(String email, String fullName, String password) {
        var names = splitName(fullName);
        var body = Json.createObjectBuilder()
                .add("username", email)
                .add("email", email)
                .add("firstName", names[0])
                .add("lastName", names[1])
                .add("enabled", true)
                .add("emailVerified", true)
                .add("credentials", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("type", "password").add("value", password).add("temporary", false)))
                .build();
        return created(admin().path("users"), body, "user '" + email + "'");
    }

    public Optional<String> findUserId(String email) {
        var found = read(admin().path("users").queryParam("email", email).queryParam("exact", true), JsonArray.class);
        return found.getValuesAs(JsonObject.class).stream().map(o -> o.getString("id")).findFirst();
    }

    public void deleteUser(String id) {
        delete(admin().path("users").path(id));
    }

    public void grantRealmRoles(String userId, Collection<Role> roles) {
        var representations = Json.createArrayBuilder();
        for (var role : roles) {
            representations.add(read(admin().path("roles").path(role.roleName()), JsonObject.class));
        }
        try (var response = send(admin().path("users").path(userId).path("role-mappings/realm"),
                Entity.json(representations.build()))) {
            expect(response, "grant roles");
        }
    }

    public void addMember(String organizationId, String userId) {
        try (var response = send(admin().path("organizations").path(organizationId).path("members"),
                Entity.entity(Json.createValue(userId).toString(), MediaType.APPLICATION_JSON_TYPE))) {
            if (response.getStatus() != 409) expect(response, "add member");
        }
    }

    /**
     * The realm roles of the organization's member with this e-mail (exact, case-insensitive), or empty when no
     * member of the organization has it.
     */
    public Optional<Set<Role>> memberRoles(String organizationId, String email) {
        var members = read(admin().path("organizations").path(organizationId).path("members")
                .queryParam("search", email).queryParam("exact", true), JsonArray.class);
        var userId = members.getValuesAs(JsonObject.class).stream()
                .filter(user -> email.equalsIgnoreCase(user.getString("email", "")))
                .map(user -> user.getString("id")).findFirst();
        return userId.map(id -> {
            var mappings = read(admin().path("users").path(id).path("role-mappings/realm/composite"), JsonArray.class);
            var roles = EnumSet.noneOf(Role.class);
            mappings.getValuesAs(JsonObject.class)
                    .forEach(role -> Role.byName(role.getString("name", "")).ifPresent(roles::add));
            return roles;
        });
    }

    /**
     * A user's representation (e-mail, names, {@code attributes}, among them {@code locale} when the user chose a
     * language), or empty when there is no such user.
     */
    public Optional<JsonObject> user(String id) {
        try (var response = get(admin().path("users").path(id))) {
            if (response.getStatus() == 404) return Optional.empty();
            expect(response, "read user " + id);
            return Optional.of(response.readEntity(JsonObject.class));
        }
    }

    /**
     * Creates an enabled user without a password who must choose one at first sign-in ({@code UPDATE_PASSWORD}),
     * the e-mail taken as verified (an admin invited or imported it); returns the user id.
     */
    public String createInvitedUser(String email, String fullName) {
        var names = splitName(fullName);
        var body = Json.createObjectBuilder()
                .add("username", email)
                .add("email", email)
                .add("firstName", names[0])
                .add("lastName", names[1])
                .add("enabled", true)
                .add("emailVerified", true)
                .add("requiredActions", Json.createArrayBuilder().add("UPDATE_PASSWORD"))
                .build();
        return created(admin().path("users"), body, "user '" + email + "'");
    }

    /**
     * Asks Keycloak to e-mail the user a link to perform {@code actions} (e.g. set a password), valid for
     * {@code lifespanSeconds}, returning to {@code redirectUri} through {@code clientId}. False when Keycloak could
     * not send it (typically: the realm has no SMTP server), which the caller reports rather than fails on.
     */
    public boolean sendActionsEmail(String userId, Collection<String> actions, int lifespanSeconds, String clientId,
                                    String redirectUri) {
        var list = Json.createArrayBuilder();
        actions.forEach(list::add);
        var target = admin().path("users").path(userId).path("execute-actions-email")
                .queryParam("lifespan", lifespanSeconds);
        if (clientId != null && redirectUri != null) {
            target = target.queryParam("client_id", clientId).queryParam("redirect_uri", redirectUri);
        }
        try (var response = authorized(target).put(Entity.json(list.build()))) {
            return response.getStatusInfo().getFamily() == Response.Status.Family.SUCCESSFUL;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The organization's members (user representations: id, email, names, enabled), at most {@code max}. */
    public java.util.List<JsonObject> organizationMembers(String organizationId, int max) {
        return read(admin().path("organizations").path(organizationId).path("members")
                .queryParam("first", 0).queryParam("max", max), JsonArray.class).getValuesAs(JsonObject.class);
    }

    /** The user, if a member of the organization. */
    public Optional<JsonObject> organizationMember(String organizationId, String userId) {
        try (var response = get(admin().path("organizations").path(organizationId).path("members").path(userId))) {
            if (response.getStatus() == 404) return Optional.empty();
            expect(response, "read member " + userId);
            return Optional.of(response.readEntity(JsonObject.class));
        }
    }

    /** The user's Orden roles, as their token would carry them (composite realm roles). */
    public Set<Role> realmRoles(String userId) {
        var mappings = read(admin().path("users").path(userId).path("role-mappings/realm/composite"), JsonArray.class);
        var roles = EnumSet.noneOf(Role.class);
        mappings.getValuesAs(JsonObject.class)
                .forEach(role -> Role.byName(role.getString("name", "")).ifPresent(roles::add));
        return roles;
    }

    public void revokeRealmRoles(String userId, Collection<Role> roles) {
        var representations = Json.createArrayBuilder();
        for (var role : roles) {
            representations.add(read(admin().path("roles").path(role.roleName()), JsonObject.class));
        }
        try (var response = call(admin().path("users").path(userId).path("role-mappings/realm"), "DELETE",
                Entity.json(representations.build()))) {
            expect(response, "revoke roles");
        }
    }

    /** Enables or disables the account (its whole representation written back); disabling ends its sessions. */
    public void setEnabled(String userId, boolean enabled) {
        var current = user(userId).orElseThrow(() -> upstream("Keycloak has no user " + userId));
        try (var response = call(admin().path("users").path(userId), "PUT",
                Entity.json(Json.createObjectBuilder(current).add("enabled", enabled).build()))) {
            expect(response, (enabled ? "enable" : "disable") + " user " + userId);
        }
        if (!enabled) {
            try (var response = send(admin().path("users").path(userId).path("logout"),
                    Entity.json(JsonObject.EMPTY_JSON_OBJECT))) {
                expect(response, "end the sessions of user " + userId);
            }
        }
    }

    private Response call(WebTarget target, String method, Entity<?> entity) {
        return answeredOrUnreachable(() -> authorized(target).method(method, entity));
    }

    private WebTarget admin() {
        return client().target(settings.serverUrl()).path("admin/realms").path(settings.realm());
    }

    private String created(WebTarget target, JsonObject body, String what) {
        try (var response = send(target, Entity.json(body))) {
            if (response.getStatus() == 409) {
                throw new ProblemException(ProblemType.CONFLICT, "The " + what + " already exists");
            }
            expect(response, "create " + what);
            var location = response.getLocation();
            if (location == null) throw upstream("Keycloak created " + what + " without a Location");
            var path = location.getPath();
            return path.substring(path.lastIndexOf('/') + 1);
        }
    }

    private <T> T read(WebTarget target, Class<T> type) {
        try (var response = get(target)) {
            expect(response, "read " + target.getUri().getPath());
            return response.readEntity(type);
        }
    }

    private Response get(WebTarget target) {
        return answeredOrUnreachable(() -> authorized(target).get());
    }

    private void delete(WebTarget target) {
        try (var response = answeredOrUnreachable(() -> authorized(target).delete())) {
            if (response.getStatus() != 404) expect(response, "delete " + target.getUri().getPath());
        }
    }

    private Response send(WebTarget target, Entity<?> entity) {
        return answeredOrUnreachable(() -> authorized(target).post(entity));
    }

    private jakarta.ws.rs.client.Invocation.Builder authorized(WebTarget target) {
        return target.request(MediaType.APPLICATION_JSON_TYPE).header("Authorization", "Bearer " + token());
    }

    private static void expect(Response response, String action) {
        if (response.getStatusInfo().getFamily() != Response.Status.Family.SUCCESSFUL) {
            var detail = response.hasEntity() ? response.readEntity(String.class) : "";
            throw upstream("Keycloak refused to " + action + ": " + response.getStatus() + " " + detail);
        }
    }

    /** A service-account token, renewed a little before it expires. */
    private String token() {
        if (token != null && Instant.now().isBefore(tokenExpires)) return token;
        synchronized (this) {
            if (token != null && Instant.now().isBefore(tokenExpires)) return token;
            var form = new Form().param("grant_type", "client_credentials").param("client_id", settings.adminClientId())
                    .param("client_secret", settings.adminClientSecret());
            try (var response = client().target(settings.serverUrl()).path("realms").path(settings.realm())
                    .path("protocol/openid-connect/token").request(MediaType.APPLICATION_JSON_TYPE)
                    .post(Entity.form(form))) {
                answered(response);
                expect(response, "issue a service-account token");
                var json = response.readEntity(JsonObject.class);
                token = json.getString("access_token");
                tokenExpires = Instant.now().plusSeconds(Math.max(5, json.getInt("expires_in", 60) - 15));
                return token;
            } catch (ProblemException e) {
                throw e;
            } catch (RuntimeException e) {
                throw unreachable(e);
            }
        }
    }

    private Response answeredOrUnreachable(java.util.function.Supplier<Response> exchange) {
        try {
            return answered(exchange.get());
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            throw unreachable(e);
        }
    }

    private Response answered(Response response) {
        reachability.reached();
        return response;
    }

    /** Refused, reset or timed out: a 503 the caller may retry, and the outage noted for the readiness check. */
    private KeycloakUnavailable unreachable(RuntimeException e) {
        reachability.unreachable();
        return new KeycloakUnavailable("Keycloak did not answer (" + e.getMessage()
                + "); signing in with existing sessions still works, try this again later");
    }

    private static ProblemException upstream(String detail) {
        return new ProblemException(ProblemType.UPSTREAM_FAILURE, detail);
    }

    /** Keycloak's default user profile wants both names, or the account is "not fully set up". */
    private static String[] splitName(String fullName) {
        var trimmed = fullName == null ? "" : fullName.strip();
        int space = trimmed.indexOf(' ');
        return space < 0 ? new String[] {trimmed, trimmed}
                : new String[] {trimmed.substring(0, space), trimmed.substring(space + 1).strip()};
    }
}
