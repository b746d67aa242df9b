package dev.candor.webhooks.application;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.candor.shared.events.OutboundEvent;
import dev.candor.webhooks.infrastructure.Outbox;
import dev.candor.webhooks.infrastructure.Subscriptions;
import dev.candor.webhooks.model.Subscription;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes every {@link OutboundEvent} to the outbox, one row per matching active subscription, in the
 * publisher's transaction: the rows commit with the change or not at all. An event published outside a
 * transaction is refused ({@code IllegalTransactionStateException} to the publisher), because it could be
 * lost or describe a change that never committed.
 */
@Component
public class EnqueueOutboundEvent {

    private final Subscriptions subscriptions;
    private final Outbox outbox;
    private final JsonMapper json;
    private final Clock clock;

    EnqueueOutboundEvent(Subscriptions subscriptions, Outbox outbox, JsonMapper json, Clock clock) {
        this.subscriptions = subscriptions;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
    }

    /** The body every receiver gets; {@code data} is the event record itself. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Envelope(UUID id, String type, Instant occurredAt, String storeId, Object data) {
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void enqueue(OutboundEvent event) {
        List<Subscription> matching = subscriptions.active().stream()
                .filter(s -> s.accepts(event.eventType(), event.storeId()))
                .toList();
        if (matching.isEmpty()) {
            return;
        }
        String payload = json.writeValueAsString(
                new Envelope(event.eventId(), event.eventType(), event.occurredAt(), event.storeId(), event));
        Instant now = clock.instant();
        for (Subscription subscription : matching) {
            outbox.add(subscription.id(), event.eventId(), event.eventType(), event.storeId(), payload, now);
        }
    }
}
