package dev.candor.webhooks.application;

import dev.candor.shared.audit.AuditLog;
import dev.candor.shared.error.CandorException;
import dev.candor.shared.security.Actor;
import dev.candor.shared.security.ActorKind;
import dev.candor.webhooks.infrastructure.Subscriptions;
import dev.candor.webhooks.model.SigningSecret;
import dev.candor.webhooks.model.Subscription;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** An administrator subscribes a receiver URL to events; the signing secret is issued here. */
@Component
public class SubscribeWebhook {

    private final Subscriptions subscriptions;
    private final AuditLog audit;
    private final Clock clock;

    SubscribeWebhook(Subscriptions subscriptions, AuditLog audit, Clock clock) {
        this.subscriptions = subscriptions;
        this.audit = audit;
        this.clock = clock;
    }

    /** A new subscription with the secret its receiver verifies signatures with; the secret is shown this once. */
    public record Subscribed(Subscription subscription, SigningSecret secret) {
    }

    /**
     * @param url an absolute {@code http} or {@code https} URL
     * @param eventTypes the event types to receive; empty for all
     * @param storeIds the stores whose events to receive; empty for all
     */
    @Transactional
    public Subscribed subscribe(Actor actor, String url, Set<String> eventTypes, Set<String> storeIds) {
        actor.require(ActorKind.ADMIN);
        Subscription subscription = new Subscription(UUID.randomUUID(), receiverUrl(url), eventTypes, storeIds,
                clock.instant().truncatedTo(ChronoUnit.MICROS), null);
        SigningSecret secret = SigningSecret.generate();
        subscriptions.add(subscription, secret, actor.id());
        audit.append(actor, "webhook.subscribed", "webhook-subscription", subscription.id().toString(),
                Map.of("url", subscription.url().toString(), "eventTypes", eventTypes.stream().sorted().toList(),
                        "storeIds", storeIds.stream().sorted().toList()));
        return new Subscribed(subscription, secret);
    }

    private static URI receiverUrl(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw CandorException.invalid("url is not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getRawFragment() != null) {
            throw CandorException.invalid("url must be an absolute http or https URL with a host and no fragment");
        }
        return uri;
    }
}
