/**
 * The webhook use cases: subscribe, deactivate, list subscriptions and deliveries, redeliver, write
 * events to the outbox, and dispatch due deliveries. Each checks its actor explicitly.
 */
package dev.candor.webhooks.application;
