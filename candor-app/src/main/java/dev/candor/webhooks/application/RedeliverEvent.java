package dev.candor.webhooks.application;

import dev.candor.shared.audit.AuditLog;
import dev.candor.shared.error.CandorException;
import dev.candor.shared.security.Actor;
import dev.candor.shared.security.ActorKind;
import dev.candor.webhooks.infrastructure.Outbox;
import dev.candor.webhooks.infrastructure.Subscriptions;
import dev.candor.webhooks.model.Delivery;
import dev.candor.webhooks.model.Subscription;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * An administrator asks for a delivery to be sent again (a dead one after the receiver is fixed, or a
 * delivered one the receiver lost): it becomes pending and due now, with a fresh series of attempts.
 */
@Component
public class RedeliverEvent {

    private final Outbox outbox;
    private final Subscriptions subscriptions;
    private final AuditLog audit;
    private final Clock clock;

    RedeliverEvent(Outbox outbox, Subscriptions subscriptions, AuditLog audit, Clock clock) {
        this.outbox = outbox;
        this.subscriptions = subscriptions;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Delivery redeliver(Actor actor, UUID outboxId) {
        actor.require(ActorKind.ADMIN);
        Delivery delivery = outbox.find(outboxId).orElseThrow(() -> CandorException.notFound("webhook delivery", outboxId));
        boolean active = subscriptions.find(delivery.subscriptionId()).map(Subscription::active).orElse(false);
        if (!active) {
            throw CandorException.conflict("the subscription of this delivery is deactivated; nothing would send it");
        }
        outbox.requestRedelivery(outboxId, clock.instant());
        audit.append(actor, "webhook.redelivery-requested", "webhook-delivery", outboxId.toString(),
                Map.of("subscriptionId", delivery.subscriptionId().toString(), "eventId", delivery.eventId().toString(),
                        "previousStatus", delivery.status().name()));
        return outbox.find(outboxId).orElseThrow();
    }
}
