/**
 * Signed outbound webhooks for the order system (issue #2, items 9 and 10). Other modules publish
 * {@link dev.candor.shared.events.OutboundEvent}s inside the transaction that made the change; this module
 * writes one outbox row per matching active subscription in that same transaction, and a dispatcher on
 * every node claims due rows with {@code FOR UPDATE SKIP LOCKED} and a lease, posts them with an
 * HMAC-SHA256 signature, retries with exponential back-off and jitter, and logs every attempt. Delivery is
 * at least once and unordered; receivers de-duplicate by {@code Candor-Event-Id}. Administrators manage
 * subscriptions and read the delivery log under {@code /api/v1/admin/webhooks}.
 */
package dev.candor.webhooks;
