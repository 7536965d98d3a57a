package dev.orden.config;

import dev.orden.shared.problem.ProblemException;
import dev.orden.shared.problem.ProblemType;
import dev.orden.tenant.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import dev.orden.shared.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * A tenant's configuration history: one draft that may be replaced at will (valid or not), published versions
 * that never change, and the active one. Publishing and rolling back are atomic and serialized per tenant.
 */
@ApplicationScoped
public class ConfigService {

    static final String SYSTEM = "system";

    @Inject
    ConfigRepository repository;

    @Inject
    ActiveConfiguration active;

    @Inject
    TenantContext context;

    @Inject
    InitialBundles initialBundles;

    @Inject
    Instance<DraftCheck> checks;

    @Inject
    Event<ConfigurationActivated> activated;

    /** A version with its verdict (drafts are stored even when invalid; publishing is what refuses them). */
    public record Checked(ConfigVersion version, BundleValidation validation) {}

    public ActiveConfiguration.Active active() {
        return active.current().orElseThrow(() -> ProblemException.notFound("Active configuration"));
    }

    public java.util.Optional<Integer> activeVersion() {
        return active.current().map(ActiveConfiguration.Active::version);
    }

    @Transactional
    public List<ConfigVersion> versions() {
        return repository.all();
    }

    @Transactional
    public ConfigVersion version(int number) {
        return repository.find(number).orElseThrow(() -> ProblemException.notFound("Configuration version " + number));
    }

    @Transactional
    public Checked draft() {
        var draft = existingDraft();
        return new Checked(draft, validate(ConfigBundles.fromStored(draft.bundle())));
    }

    /** Replaces the draft with {@code bundle}, or starts one numbered after every existing version. */
    @Transactional
    public Checked saveDraft(JsonObject bundle) {
        var validation = validate(bundle);
        repository.lockTenant();
        var author = context.user().id();
        var draft = repository.draft().orElse(null);
        if (draft == null) {
            draft = ConfigVersion.draft(repository.highestVersion() + 1, bundle.toString(), author);
            repository.add(draft);
        } else {
            draft.replaceDraft(bundle.toString(), author);
        }
        return new Checked(draft, validation);
    }

    /**
     * Replaces one part of the draft (one file of a tenant-config folder); without a draft, the part goes into a
     * new draft started from the active bundle.
     */
    @Transactional
    public Checked saveDraftPart(String part, JsonValue value) {
        repository.lockTenant();
        var base = repository.draft().map(d -> ConfigBundles.fromStored(d.bundle()))
                .or(() -> active.current().map(ActiveConfiguration.Active::bundle))
                .orElseThrow(() -> ProblemException.notFound("Configuration draft"));
        return saveDraft(Json.createObjectBuilder(base).add(part, value).build());
    }

    @Transactional
    public ConfigVersion publishDraft() {
        return publishDraft(null);
    }

    /** Publishes the draft with the publisher's {@code note} (null: none) on the version. */
    @Transactional
    public ConfigVersion publishDraft(String note) {
        repository.lockTenant();
        var draft = existingDraft();
        var bundle = ConfigBundles.fromStored(draft.bundle());
        var validation = validate(bundle);
        if (!validation.valid()) throw ProblemException.invalid(validation.errors());
        draft.publish(context.user().id(), note);
        activate(context.tenantId(), draft.version(), bundle);
        return draft;
    }

    /**
     * Publishes a new version whose bundle is version {@code number}'s: history stays linear and nothing
     * published is ever rewritten. A pending draft keeps its content and moves to the next number.
     */
    @Transactional
    public ConfigVersion rollback(int number) {
        repository.lockTenant();
        var target = version(number);
        if (target.status() != ConfigVersion.Status.PUBLISHED) {
            throw new ProblemException(ProblemType.CONFLICT, "Version " + number + " is a draft; publish it instead");
        }
        var draftNumber = repository.draftNumber();
        var next = draftNumber.orElse(repository.highestVersion() + 1);
        if (draftNumber.isPresent()) repository.bumpDraft();
        var made = ConfigVersion.published(next, target.bundle(), context.user().id(), "Rollback to version " + number);
        repository.add(made);
        activate(context.tenantId(), next, ConfigBundles.fromStored(target.bundle()));
        return made;
    }

    /** What turns version {@code from} into version {@code to}, as an RFC 6902 JSON Patch. */
    @Transactional
    public JsonArray diff(int from, int to) {
        var source = ConfigBundles.fromStored(version(from).bundle());
        var target = ConfigBundles.fromStored(version(to).bundle());
        return Json.createDiff(source, target).toJsonArray();
    }

    /**
     * Makes a published version that a tenant import ({@code dev.orden.porting}) stored the active one, once it
     * passes the same checks as a publish (its teams must name the tenant's own staff by then).
     */
    @Transactional
    public void activateImported(int number) {
        var stored = version(number);
        var bundle = ConfigBundles.fromStored(stored.bundle());
        var validation = validate(bundle);
        if (!validation.valid()) throw ProblemException.invalid(validation.errors());
        activate(context.tenantId(), number, bundle);
    }

    /** Version 1 of a new tenant, published and active. Runs in the sign-up transaction. */
    public void seed(UUID tenantId, String slug) {
        var bundle = initialBundles.forTenant(slug);
        repository.addActive(tenantId, ConfigVersion.published(1, bundle.toString(), SYSTEM, "Default configuration"));
        active.swapOnCommit(tenantId, new ActiveConfiguration.Active(1, bundle));
        activated.fire(new ConfigurationActivated(tenantId, 1, bundle));
    }

    /** Version 1 for a tenant that has no configuration at all (one created before configurations existed). */
    @Transactional
    public boolean seedIfMissing(UUID tenantId, String slug) {
        if (repository.hasVersions(tenantId)) return false;
        seed(tenantId, slug);
        return true;
    }

    private void activate(UUID tenantId, int version, JsonObject bundle) {
        repository.activate(version);
        active.swapOnCommit(tenantId, new ActiveConfiguration.Active(version, bundle));
        activated.fire(new ConfigurationActivated(tenantId, version, bundle));
    }

    /**
     * The bundle's own rules, then what only the tenant's environment can tell (its teams name its own staff, its
     * flow rules compile and pass their tests), in a fixed order.
     */
    private BundleValidation validate(JsonObject bundle) {
        var validation = BundleValidation.of(bundle);
        for (var check : checks.stream().sorted(Comparator.comparing(c -> c.getClass().getName())).toList()) {
            validation = validation.with(bundle, check.check(bundle));
        }
        return validation;
    }

    private ConfigVersion existingDraft() {
        return repository.draft().orElseThrow(() -> ProblemException.notFound("Configuration draft"));
    }
}
