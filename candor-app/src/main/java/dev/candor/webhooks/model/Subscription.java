package dev.candor.webhooks.model;

import java.net.URI;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A receiver of webhooks and the events it wants.
 *
 * @param eventTypes the event types it receives; empty for all
 * @param storeIds the stores whose events it receives; empty for all stores and for events that concern no store
 * @param deactivatedAt when it was deactivated, or {@code null} while active
 */
public record Subscription(UUID id, URI url, Set<String> eventTypes, Set<String> storeIds, Instant createdAt,
                           Instant deactivatedAt) {

    public Subscription {
        eventTypes = Set.copyOf(eventTypes);
        storeIds = Set.copyOf(storeIds);
    }

    public boolean active() {
        return deactivatedAt == null;
    }

    /**
     * Whether an event of this type about this store goes to this subscription. An event that concerns no
     * store ({@code storeId == null}) goes only to subscriptions without a store filter.
     */
    public boolean accepts(String eventType, String storeId) {
        return active()
                && (eventTypes.isEmpty() || eventTypes.contains(eventType))
                && (storeIds.isEmpty() || (storeId != null && storeIds.contains(storeId)));
    }
}
