package dev.candor.webhooks.application;

import dev.candor.shared.security.Actor;
import dev.candor.shared.security.ActorKind;
import dev.candor.webhooks.infrastructure.Subscriptions;
import dev.candor.webhooks.model.Subscription;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Lists subscriptions, newest first, without their secrets. */
@Component
public class ListWebhooks {

    private final Subscriptions subscriptions;

    ListWebhooks(Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @Transactional(readOnly = true)
    public Page<Subscription> list(Actor actor, int page, int size) {
        actor.require(ActorKind.ADMIN);
        return new Page<>(subscriptions.page(page, size), page, size, subscriptions.count());
    }
}
