package dev.candor.webhooks.application;

import dev.candor.shared.audit.AuditLog;
import dev.candor.shared.error.CandorException;
import dev.candor.shared.security.Actor;
import dev.candor.shared.security.ActorKind;
import dev.candor.webhooks.infrastructure.Subscriptions;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * An administrator stops a subscription: no new events are written for it and its pending deliveries are
 * no longer sent. Deactivating an inactive subscription changes nothing.
 */
@Component
public class DeactivateWebhook {

    private final Subscriptions subscriptions;
    private final AuditLog audit;
    private final Clock clock;

    DeactivateWebhook(Subscriptions subscriptions, AuditLog audit, Clock clock) {
        this.subscriptions = subscriptions;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public void deactivate(Actor actor, UUID subscriptionId) {
        actor.require(ActorKind.ADMIN);
        if (subscriptions.find(subscriptionId).isEmpty()) {
            throw CandorException.notFound("webhook subscription", subscriptionId);
        }
        if (subscriptions.deactivate(subscriptionId, clock.instant(), actor.id())) {
            audit.append(actor, "webhook.deactivated", "webhook-subscription", subscriptionId.toString(), Map.of());
        }
    }
}
