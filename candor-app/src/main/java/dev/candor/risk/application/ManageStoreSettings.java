package dev.candor.risk.application;

import dev.candor.commerce.Commerce;
import dev.candor.risk.infrastructure.StoreSettings;
import dev.candor.shared.audit.AuditLog;
import dev.candor.shared.error.CandorException;
import dev.candor.shared.security.Actor;
import dev.candor.shared.security.ActorKind;
import java.time.Clock;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A store's risk settings: whether an APPROVE_NOW decision approves its requests at once. The store's own
 * merchant, the order system and admins read and change them; reviewers read them.
 */
@Service
public class ManageStoreSettings {

    private final StoreSettings settings;
    private final Commerce commerce;
    private final AuditLog audit;
    private final Clock clock;

    ManageStoreSettings(StoreSettings settings, Commerce commerce, AuditLog audit, Clock clock) {
        this.settings = settings;
        this.commerce = commerce;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public StoreSettings.Settings get(Actor actor, String storeId) {
        requireStore(actor, storeId, ActorKind.MERCHANT, ActorKind.INTEGRATION, ActorKind.ADMIN, ActorKind.REVIEWER);
        return settings.of(storeId);
    }

    @Transactional
    public StoreSettings.Settings put(Actor actor, String storeId, boolean fastApproval) {
        requireStore(actor, storeId, ActorKind.MERCHANT, ActorKind.INTEGRATION, ActorKind.ADMIN);
        StoreSettings.Settings before = settings.of(storeId);
        StoreSettings.Settings after = new StoreSettings.Settings(storeId, fastApproval, clock.instant(), actor.id());
        settings.put(after);
        audit.append(actor, "risk.store-settings-changed", "store", storeId,
                Map.of("fastApproval", fastApproval, "before", before.fastApproval()));
        return after;
    }

    private void requireStore(Actor actor, String storeId, ActorKind... kinds) {
        actor.require(kinds);
        if (actor.kind() == ActorKind.MERCHANT && !actor.canSeeStore(storeId) || !commerce.storeExists(storeId)) {
            throw CandorException.notFound("store", storeId);
        }
    }
}
