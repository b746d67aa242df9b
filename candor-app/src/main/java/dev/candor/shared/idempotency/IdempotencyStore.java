package dev.candor.shared.idempotency;

import dev.candor.shared.SqlTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Remembered responses to creates sent with an {@code Idempotency-Key}, per principal. A key is claimed
 * by inserting its row (the primary key makes the claim atomic across nodes), then completed with the
 * response. Keys are kept for the configured retention (at least 24 hours).
 */
@Component
public class IdempotencyStore {

    /** A claim that nobody completed within this time (a node died mid-request) may be taken over. */
    private static final Duration ABANDONED_AFTER = Duration.ofMinutes(5);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration retention;

    IdempotencyStore(JdbcClient jdbc, Clock clock, @Value("${candor.idempotency.retention:PT48H}") Duration retention) {
        if (retention.compareTo(Duration.ofHours(24)) < 0) {
            throw new IllegalArgumentException("candor.idempotency.retention must be at least 24 hours");
        }
        this.jdbc = jdbc;
        this.clock = clock;
        this.retention = retention;
    }

    /** A stored key: its request fingerprint and, once completed, the response to replay. */
    public record Entry(String requestHash, boolean completed, int status, String contentType, byte[] body, Instant createdAt) {
    }

    /**
     * Claims the key; returns empty when claimed now, or the existing entry when the key was seen before. A key kept
     * past the retention, or claimed and never completed for longer than {@link #ABANDONED_AFTER}, is taken over
     * in the same statement, so a new key costs one round trip.
     */
    public Optional<Entry> claim(UUID principalId, String key, String requestHash) {
        Instant now = clock.instant();
        int claimed = jdbc.sql("""
                        insert into idempotency_keys (principal_id, idem_key, request_hash, completed, created_at)
                        values (?, ?, ?, false, ?)
                        on conflict (principal_id, idem_key) do update
                           set request_hash = excluded.request_hash, completed = false, response_status = null,
                               response_content_type = null, response_body = null, created_at = excluded.created_at
                         where idempotency_keys.created_at < ?
                            or (not idempotency_keys.completed and idempotency_keys.created_at < ?)""")
                .params(principalId, key, requestHash, SqlTime.of(now), SqlTime.of(now.minus(retention)),
                        SqlTime.of(now.minus(ABANDONED_AFTER)))
                .update();
        if (claimed == 1) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select request_hash, completed, response_status, response_content_type, response_body, created_at
                          from idempotency_keys where principal_id = ? and idem_key = ?""")
                .params(principalId, key)
                .query((rs, n) -> new Entry(rs.getString("request_hash"), rs.getBoolean("completed"),
                        rs.getInt("response_status"), rs.getString("response_content_type"), rs.getBytes("response_body"),
                        SqlTime.instant(rs, "created_at")))
                .optional();
    }

    public void complete(UUID principalId, String key, int status, String contentType, byte[] body) {
        jdbc.sql("""
                        update idempotency_keys
                           set completed = true, response_status = ?, response_content_type = ?, response_body = ?
                         where principal_id = ? and idem_key = ?""")
                .params(status, contentType, body, principalId, key)
                .update();
    }

    /** Forgets a claim whose request failed on the server side, so that the client may retry it. */
    public void release(UUID principalId, String key) {
        jdbc.sql("delete from idempotency_keys where principal_id = ? and idem_key = ? and not completed")
                .params(principalId, key).update();
    }

    @Scheduled(fixedDelayString = "${candor.idempotency.sweep-interval:PT1H}", initialDelayString = "PT1M")
    void sweep() {
        jdbc.sql("delete from idempotency_keys where created_at < ?")
                .param(SqlTime.of(clock.instant().minus(retention))).update();
    }
}
