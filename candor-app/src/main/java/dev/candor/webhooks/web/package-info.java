/**
 * The administrators' webhook API under {@code /api/v1/admin/webhooks}: subscriptions, the delivery log
 * and redelivery. Writes are audited by the use cases; reads change nothing and are not audited.
 */
package dev.candor.webhooks.web;
