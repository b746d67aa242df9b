/**
 * The webhook rules in plain Java: which events a subscription accepts, how a delivery is signed, and
 * when a failed delivery is retried or given up.
 */
package dev.candor.webhooks.model;
