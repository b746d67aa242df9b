/**
 * PostgreSQL storage of subscriptions, outbox and delivery log; the JDK HTTP client that posts webhooks;
 * the Micrometer meters; the {@code candor.webhooks.*} settings.
 */
package dev.candor.webhooks.infrastructure;
