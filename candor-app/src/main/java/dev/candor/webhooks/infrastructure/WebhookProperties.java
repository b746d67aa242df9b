package dev.candor.webhooks.infrastructure;

import dev.candor.webhooks.model.RetryPolicy;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Webhook delivery settings ({@code candor.webhooks.*}). The dispatcher's poll interval is read by its
 * {@code @Scheduled} annotation as {@code candor.webhooks.poll-interval} (default {@code 1s}).
 *
 * @param connectTimeout how long to wait for a receiver's TCP/TLS connection
 * @param readTimeout how long to wait for a receiver's response after sending
 * @param retryBase the back-off after the first failure; it doubles per failure
 * @param retryCap the longest back-off
 * @param maxAttempts attempts before a delivery is dead
 * @param batchSize the most rows one dispatch round claims
 * @param lease how long a claimed row stays with the round that claimed it; a row whose node crashed comes
 *     back after this. Must exceed {@code connectTimeout + readTimeout}
 */
@ConfigurationProperties("candor.webhooks")
public record WebhookProperties(
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout,
        @DefaultValue("30s") Duration retryBase,
        @DefaultValue("1h") Duration retryCap,
        @DefaultValue("12") int maxAttempts,
        @DefaultValue("50") int batchSize,
        @DefaultValue("2m") Duration lease) {

    public WebhookProperties {
        if (batchSize < 1) {
            throw new IllegalArgumentException("candor.webhooks.batch-size must be at least 1");
        }
        if (lease.compareTo(connectTimeout.plus(readTimeout)) <= 0) {
            throw new IllegalArgumentException("candor.webhooks.lease must exceed connect-timeout + read-timeout, "
                    + "or a slow delivery could be claimed and sent a second time while it is still running");
        }
        new RetryPolicy(retryBase, retryCap, maxAttempts); // refuses back-off settings that make no sense, at start
    }

    public RetryPolicy retryPolicy() {
        return new RetryPolicy(retryBase, retryCap, maxAttempts);
    }
}
