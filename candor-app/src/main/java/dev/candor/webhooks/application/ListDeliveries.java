package dev.candor.webhooks.application;

import dev.candor.shared.error.CandorException;
import dev.candor.shared.security.Actor;
import dev.candor.shared.security.ActorKind;
import dev.candor.webhooks.infrastructure.Outbox;
import dev.candor.webhooks.infrastructure.Subscriptions;
import dev.candor.webhooks.model.Delivery;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The delivery log of one subscription: its deliveries, newest first, each with every attempt. */
@Component
public class ListDeliveries {

    private final Subscriptions subscriptions;
    private final Outbox outbox;

    ListDeliveries(Subscriptions subscriptions, Outbox outbox) {
        this.subscriptions = subscriptions;
        this.outbox = outbox;
    }

    @Transactional(readOnly = true)
    public Page<Delivery> list(Actor actor, UUID subscriptionId, int page, int size) {
        actor.require(ActorKind.ADMIN);
        if (subscriptions.find(subscriptionId).isEmpty()) {
            throw CandorException.notFound("webhook subscription", subscriptionId);
        }
        return new Page<>(outbox.pageOf(subscriptionId, page, size), page, size, outbox.countOf(subscriptionId));
    }
}
