package dev.candor.aftersales.model;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Builders that read like the domain: {@code aRefundOnlyCase().deliveredDaysAgo(3).open()}. */
final class CaseFixtures {

    static final Instant NOW = Instant.parse("2026-06-01T08:00:00Z");

    private CaseFixtures() {
    }

    static CategoryStandard standard() {
        Map<TimeLimit, Duration> limits = new EnumMap<>(TimeLimit.class);
        limits.put(TimeLimit.MERCHANT_RESPONSE, Duration.ofHours(48));
        limits.put(TimeLimit.OFFER_RESPONSE, Duration.ofHours(48));
        limits.put(TimeLimit.ESCALATION, Duration.ofDays(7));
        limits.put(TimeLimit.RETURN_SHIPMENT, Duration.ofDays(7));
        limits.put(TimeLimit.RETURN_RECEIPT, Duration.ofDays(10));
        limits.put(TimeLimit.INSPECTION, Duration.ofHours(48));
        limits.put(TimeLimit.ARBITRATION, Duration.ofDays(5));
        limits.put(TimeLimit.ENFORCEMENT, Duration.ZERO);
        limits.put(TimeLimit.APPEAL, Duration.ofDays(30));
        limits.put(TimeLimit.APPEAL_REVIEW, Duration.ofDays(7));
        return new CategoryStandard("default", limits, Duration.ofDays(60), Optional.of(Duration.ofHours(48)), List.of());
    }

    static Request aRefundOnlyCase() {
        return new Request(CaseType.REFUND_ONLY);
    }

    static Request aReturnAndRefundCase() {
        return new Request(CaseType.RETURN_AND_REFUND);
    }

    static Request anExchange() {
        return new Request(CaseType.EXCHANGE);
    }

    static final class Request {
        private final CaseType type;
        private CaseReason reason = CaseReason.QUALITY_PROBLEM;
        private long requestedCents = 10_000;
        private Instant deliveredAt = NOW.minus(Duration.ofDays(1));
        private CategoryStandard standard = standard();

        Request(CaseType type) {
            this.type = type;
        }

        Request deliveredDaysAgo(long days) {
            deliveredAt = NOW.minus(Duration.ofDays(days));
            return this;
        }

        Request notDelivered() {
            deliveredAt = null;
            return this;
        }

        Request because(CaseReason reason) {
            this.reason = reason;
            return this;
        }

        Request asking(long cents) {
            requestedCents = cents;
            return this;
        }

        Request under(CategoryStandard standard) {
            this.standard = standard;
            return this;
        }

        AfterSalesCase.Opening tryOpen() {
            var order = new AfterSalesCase.OrderFacts("store-1", "order-1", "buyer-1", 20_000, "CNY", "default", deliveredAt);
            return AfterSalesCase.open(UUID.randomUUID(), order, type, reason, "broken", requestedCents, NOW, standard);
        }

        AfterSalesCase open() {
            return ((AfterSalesCase.Opening.Opened) tryOpen()).afterSalesCase();
        }
    }
}
