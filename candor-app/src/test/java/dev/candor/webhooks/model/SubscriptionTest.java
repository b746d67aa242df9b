package dev.candor.webhooks.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SubscriptionTest {

    private static Subscription subscription(Set<String> types, Set<String> stores) {
        return new Subscription(UUID.randomUUID(), URI.create("https://example.test/hook"), types, stores, Instant.EPOCH, null);
    }

    @Test
    void emptyFiltersAcceptEveryTypeAndStoreAndEventsWithoutAStore() {
        Subscription all = subscription(Set.of(), Set.of());
        assertThat(all.accepts("case.created", "store-1")).isTrue();
        assertThat(all.accepts("case.judgment-issued", null)).isTrue();
    }

    @Test
    void filtersByTypeAndStoreTogether() {
        Subscription some = subscription(Set.of("case.created"), Set.of("store-1", "store-2"));
        assertThat(some.accepts("case.created", "store-2")).isTrue();
        assertThat(some.accepts("case.state-changed", "store-2")).isFalse();
        assertThat(some.accepts("case.created", "store-3")).isFalse();
        assertThat(some.accepts("case.created", null)).isFalse();
    }

    @Test
    void aDeactivatedSubscriptionAcceptsNothing() {
        Subscription gone = new Subscription(UUID.randomUUID(), URI.create("https://example.test/hook"), Set.of(), Set.of(),
                Instant.EPOCH, Instant.EPOCH.plusSeconds(1));
        assertThat(gone.active()).isFalse();
        assertThat(gone.accepts("case.created", "store-1")).isFalse();
    }
}
