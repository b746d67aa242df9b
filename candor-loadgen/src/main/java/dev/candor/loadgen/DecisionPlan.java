package dev.candor.loadgen;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The stores, buyers and delivered orders the decisions benchmark seeds, and the after-sales request it files on
 * each order. Everything follows from the order's number, so the mix is the same in every run: six categories
 * (four with their own standards), seven order values from 9.90 to 12,999 CNY, delivery from six hours to fifty
 * days before the seeding (all inside the 60-day complaint window, some past the 48-hour quality reporting
 * window), every request type and reason, and a part refund on a quarter of the requests. Order {@code o}
 * belongs to buyer {@code o % buyers}, so with more orders than buyers each buyer files several requests.
 */
record DecisionPlan(String runId, int stores, int buyers, int orders) {

    static final List<String> CATEGORIES = List.of("apparel", "jewellery", "jade", "pets", "electronics", "home");
    static final List<Long> VALUES = List.of(990L, 3_900L, 12_900L, 25_900L, 89_900L, 249_900L, 1_299_900L);
    static final List<Duration> DELIVERED_AGO = List.of(Duration.ofHours(6), Duration.ofHours(30), Duration.ofDays(4),
            Duration.ofDays(20), Duration.ofDays(50));
    static final List<String> TYPES = List.of("REFUND_ONLY", "RETURN_AND_REFUND", "EXCHANGE");
    static final List<String> REASONS = List.of("QUALITY_PROBLEM", "NOT_AS_DESCRIBED", "DAMAGED_IN_TRANSIT", "WRONG_ITEM",
            "MISSING_ITEM", "NO_LONGER_WANTED", "OTHER");

    DecisionPlan {
        if (stores < 1 || buyers < 1 || orders < 1) {
            throw new IllegalArgumentException("stores, buyers and orders must be at least 1");
        }
    }

    String storeId(int s) {
        return "lg-" + runId + "-store-" + s;
    }

    String buyerId(int b) {
        return "lg-" + runId + "-buyer-" + b;
    }

    String orderId(int o) {
        return "lg-" + runId + "-order-" + o;
    }

    /** What order {@code o} is and what its buyer asks for, drawn from a generator seeded with {@code o}. */
    record Facts(int store, String category, long totalCents, Duration deliveredAgo, String type, String reason, boolean partRefund) {
    }

    Facts facts(int o) {
        SplittableRandom random = new SplittableRandom(o);
        return new Facts(random.nextInt(stores), pick(random, CATEGORIES), pick(random, VALUES), pick(random, DELIVERED_AGO),
                pick(random, TYPES), pick(random, REASONS), random.nextInt(4) == 0);
    }

    String storeJson(int s) {
        return """
                {"name":"Loadgen store %d"}""".formatted(s);
    }

    String buyerJson(int b) {
        return """
                {"name":"Loadgen buyer %d","phone":"138%08d","address":"Zhejiang, Hangzhou, Loadgen Road %d"}"""
                .formatted(b, b, b);
    }

    String orderJson(int o, Instant seededAt) {
        Facts f = facts(o);
        Instant delivered = seededAt.minus(f.deliveredAgo()).truncatedTo(ChronoUnit.SECONDS);
        Instant shipped = delivered.minus(Duration.ofDays(2));
        Instant paid = shipped.minus(Duration.ofDays(1));
        return """
                {"storeId":"%s","buyerId":"%s","totalCents":%d,"currency":"CNY",\
                "lines":[{"listingId":"lg-%s-%s","title":"Loadgen %s item","category":"%s","quantity":1,"unitPriceCents":%d}],\
                "paidAt":"%s","shippedAt":"%s","deliveredAt":"%s"}"""
                .formatted(storeId(f.store()), buyerId(o % buyers), f.totalCents(), runId, f.category(), f.category(), f.category(),
                        f.totalCents(), paid, shipped, delivered);
    }

    String caseJson(int o) {
        Facts f = facts(o);
        long requested = f.partRefund() ? Math.max(1, f.totalCents() / 2) : f.totalCents();
        return """
                {"orderId":"%s","type":"%s","reason":"%s","description":"filed by candor-loadgen","requestedCents":%d}"""
                .formatted(orderId(o), f.type(), f.reason(), requested);
    }

    String idempotencyKey(int o) {
        return "lg-" + runId + "-open-" + o;
    }

    private static <T> T pick(SplittableRandom random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
