package dev.orden.savedview;

import dev.orden.shared.persistence.TenantEntityManager;
import dev.orden.shared.problem.ProblemException;
import dev.orden.shared.problem.ProblemType;
import dev.orden.tenant.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/** The caller's saved views: the tenant from the transaction (JPA filter and RLS), the owner from the token. */
@ApplicationScoped
public class SavedViews {

    static final int MAX_PER_USER = 100;

    @Inject
    TenantEntityManager tenantEm;

    @Inject
    TenantContext context;

    @Transactional
    List<SavedView> mine() {
        return tenantEm.em().createQuery("SELECT v FROM SavedView v WHERE v.userId = :user ORDER BY v.name",
                SavedView.class).setParameter("user", owner()).getResultList();
    }

    /** The caller's own view; anyone else's is not found, as if it did not exist. */
    @Transactional
    SavedView mine(UUID id) {
        var view = tenantEm.em().find(SavedView.class, id);
        if (view == null || !view.userId().equals(owner())) throw ProblemException.notFound("Saved view");
        return view;
    }

    @Transactional
    SavedView create(SavedViewInput input) {
        assertNameFree(input.name(), null);
        if (mine().size() >= MAX_PER_USER) {
            throw new ProblemException(ProblemType.CONFLICT, "You have " + MAX_PER_USER + " saved views already");
        }
        var view = new SavedView(owner(), input);
        tenantEm.em().persist(view);
        return view;
    }

    @Transactional
    SavedView replace(UUID id, SavedViewInput input) {
        var view = mine(id);
        assertNameFree(input.name(), id);
        view.change(input);
        return view;
    }

    @Transactional
    void delete(UUID id) {
        tenantEm.em().remove(mine(id));
    }

    private void assertNameFree(String name, UUID except) {
        boolean taken = tenantEm.em().createQuery(
                        "SELECT v FROM SavedView v WHERE v.userId = :user AND v.name = :name", SavedView.class)
                .setParameter("user", owner()).setParameter("name", name).getResultStream()
                .anyMatch(v -> !v.id().equals(except));
        if (taken) throw new ProblemException(ProblemType.CONFLICT, "You have a view named '" + name + "' already");
    }

    private String owner() {
        return context.user().id();
    }
}
