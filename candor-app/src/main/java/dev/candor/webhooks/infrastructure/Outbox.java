package dev.candor.webhooks.infrastructure;

import dev.candor.shared.BatchedInserts;
import dev.candor.shared.SqlTime;
import dev.candor.webhooks.model.AttemptOutcome;
import dev.candor.webhooks.model.Delivery;
import dev.candor.webhooks.model.DeliveryAttempt;
import dev.candor.webhooks.model.DeliveryStatus;
import dev.candor.webhooks.model.SigningSecret;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The webhook outbox and its delivery log in PostgreSQL. Rows are claimed with {@code FOR UPDATE SKIP
 * LOCKED} and a lease: the claiming statement commits at once, so no lock is held while a receiver is
 * called, and the lease keeps other nodes off the row until the attempt is recorded or the lease runs out.
 */
@Repository
public class Outbox {

    private static final String DELIVERY_COLUMNS = """
            id, subscription_id, event_id, event_type, store_id, status, attempts, next_attempt_at, created_at, delivered_at""";

    private final JdbcClient jdbc;
    private final BatchedInserts inserts;

    Outbox(JdbcClient jdbc, BatchedInserts inserts) {
        this.jdbc = jdbc;
        this.inserts = inserts;
    }

    /** A row claimed for one attempt by one dispatch round. */
    public record Claimed(UUID outboxId, UUID subscriptionId, URI url, SigningSecret secret, UUID eventId,
                          String eventType, String payload, int attempt, int failuresBefore, UUID leaseOwner) {
    }

    /**
     * Adds a pending row in the caller's transaction; an event already in the outbox for this subscription
     * (the same event id published twice) is ignored.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void add(UUID subscriptionId, UUID eventId, String eventType, String storeId, String payload, Instant now) {
        inserts.insert("""
                        insert into webhook_outbox (id, subscription_id, event_id, event_type, store_id, payload, status,
                                                    attempts, failures, next_attempt_at, created_at)
                        values (?, ?, ?, ?, ?, ?, 'PENDING', 0, 0, ?, ?)
                        on conflict on constraint one_row_per_event_and_subscription do nothing""",
                UUID.randomUUID(), subscriptionId, eventId, eventType, storeId, payload, SqlTime.of(now), SqlTime.of(now));
    }

    /**
     * Claims up to {@code limit} due rows of active subscriptions for {@code lease}, oldest due first, and
     * counts the attempt. Rows locked by a concurrent claim are skipped, not waited for.
     */
    @Transactional
    public List<Claimed> claimDue(Instant now, Duration lease, int limit) {
        UUID owner = UUID.randomUUID();
        return jdbc.sql("""
                        with due as (
                            select o.id
                              from webhook_outbox o
                              join webhook_subscriptions s on s.id = o.subscription_id
                             where o.status = 'PENDING' and s.active and o.next_attempt_at <= :now
                               and (o.lease_until is null or o.lease_until <= :now)
                             order by o.next_attempt_at, o.id
                             limit :limit
                               for update of o skip locked)
                        update webhook_outbox o
                           set attempts = o.attempts + 1, lease_owner = :owner, lease_until = :leaseUntil
                          from due, webhook_subscriptions s
                         where o.id = due.id and s.id = o.subscription_id
                        returning o.id, o.subscription_id, s.url, s.secret, o.event_id, o.event_type, o.payload,
                                  o.attempts, o.failures""")
                .param("now", SqlTime.of(now))
                .param("limit", limit)
                .param("owner", owner)
                .param("leaseUntil", SqlTime.of(now.plus(lease)))
                .query((rs, n) -> new Claimed(rs.getObject("id", UUID.class), rs.getObject("subscription_id", UUID.class),
                        URI.create(rs.getString("url")), new SigningSecret(rs.getString("secret")),
                        rs.getObject("event_id", UUID.class), rs.getString("event_type"), rs.getString("payload"),
                        rs.getInt("attempts"), rs.getInt("failures"), owner))
                .list();
    }

    /**
     * Logs an attempt and moves its row on: {@code DELIVERED}, {@code DEAD}, or pending again at
     * {@code nextAttemptAt}. The row only moves while this round still holds its lease; the attempt is
     * logged either way.
     */
    @Transactional
    public void record(Claimed claimed, DeliveryAttempt attempt, Instant nextAttemptAt) {
        jdbc.sql("""
                        insert into webhook_delivery_attempts (outbox_id, attempt, attempted_at, duration_ms, status_code, error, outcome)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(claimed.outboxId(), attempt.attempt(), SqlTime.of(attempt.attemptedAt()), attempt.durationMillis(),
                        attempt.statusCode(), attempt.error(), attempt.outcome().name())
                .update();
        DeliveryStatus status = switch (attempt.outcome()) {
            case DELIVERED -> DeliveryStatus.DELIVERED;
            case FAILED -> DeliveryStatus.PENDING;
            case DEAD -> DeliveryStatus.DEAD;
        };
        jdbc.sql("""
                        update webhook_outbox
                           set status = ?, failures = ?, next_attempt_at = ?, delivered_at = ?, lease_owner = null, lease_until = null
                         where id = ? and lease_owner = ?""")
                .params(status.name(), attempt.outcome() == AttemptOutcome.DELIVERED ? 0 : claimed.failuresBefore() + 1,
                        SqlTime.of(nextAttemptAt),
                        SqlTime.of(attempt.outcome() == AttemptOutcome.DELIVERED ? attempt.attemptedAt() : null),
                        claimed.outboxId(), claimed.leaseOwner())
                .update();
    }

    /**
     * Makes a delivery pending and due now with a fresh series of attempts, whatever its status. A lease
     * still held by a running attempt is dropped, so that attempt's result no longer moves the row.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void requestRedelivery(UUID outboxId, Instant now) {
        jdbc.sql("""
                        update webhook_outbox
                           set status = 'PENDING', failures = 0, next_attempt_at = ?, delivered_at = null,
                               lease_owner = null, lease_until = null
                         where id = ?""")
                .params(SqlTime.of(now), outboxId).update();
    }

    /** Pending rows of active subscriptions, on every node the same number. */
    public long backlog() {
        return jdbc.sql("""
                        select count(*) from webhook_outbox o join webhook_subscriptions s on s.id = o.subscription_id
                         where o.status = 'PENDING' and s.active""")
                .query(Long.class).single();
    }

    public Optional<Delivery> find(UUID outboxId) {
        return jdbc.sql("select " + DELIVERY_COLUMNS + " from webhook_outbox where id = ?")
                .param(outboxId).query(Outbox::mapRow).optional()
                .map(row -> row.toDelivery(attemptsOf(List.of(outboxId)).getOrDefault(outboxId, List.of())));
    }

    /** A subscription's deliveries, newest first, each with its attempts. */
    public List<Delivery> pageOf(UUID subscriptionId, int page, int size) {
        List<Row> rows = jdbc.sql("select " + DELIVERY_COLUMNS + """
                         from webhook_outbox where subscription_id = ?
                        order by created_at desc, id limit ? offset ?""")
                .params(subscriptionId, size, (long) page * size).query(Outbox::mapRow).list();
        Map<UUID, List<DeliveryAttempt>> attempts = attemptsOf(rows.stream().map(Row::id).toList());
        return rows.stream().map(row -> row.toDelivery(attempts.getOrDefault(row.id(), List.of()))).toList();
    }

    public long countOf(UUID subscriptionId) {
        return jdbc.sql("select count(*) from webhook_outbox where subscription_id = ?")
                .param(subscriptionId).query(Long.class).single();
    }

    private Map<UUID, List<DeliveryAttempt>> attemptsOf(List<UUID> outboxIds) {
        if (outboxIds.isEmpty()) {
            return Map.of();
        }
        record Logged(UUID outboxId, DeliveryAttempt attempt) {
        }
        return jdbc.sql("""
                        select outbox_id, attempt, attempted_at, duration_ms, status_code, error, outcome
                          from webhook_delivery_attempts where outbox_id in (:ids) order by outbox_id, attempt""")
                .param("ids", outboxIds)
                .query((rs, n) -> new Logged(rs.getObject("outbox_id", UUID.class), new DeliveryAttempt(
                        rs.getInt("attempt"), SqlTime.instant(rs, "attempted_at"), rs.getLong("duration_ms"),
                        rs.getObject("status_code", Integer.class), rs.getString("error"),
                        AttemptOutcome.valueOf(rs.getString("outcome")))))
                .list().stream()
                .collect(Collectors.groupingBy(Logged::outboxId, Collectors.mapping(Logged::attempt, Collectors.toList())));
    }

    private record Row(UUID id, UUID subscriptionId, UUID eventId, String eventType, String storeId, DeliveryStatus status,
                       int attempts, Instant nextAttemptAt, Instant createdAt, Instant deliveredAt) {

        Delivery toDelivery(List<DeliveryAttempt> log) {
            return new Delivery(id, subscriptionId, eventId, eventType, storeId, status, attempts, nextAttemptAt, createdAt,
                    deliveredAt, log);
        }
    }

    private static Row mapRow(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getObject("subscription_id", UUID.class),
                rs.getObject("event_id", UUID.class), rs.getString("event_type"), rs.getString("store_id"),
                DeliveryStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
                SqlTime.instant(rs, "next_attempt_at"), SqlTime.instant(rs, "created_at"),
                SqlTime.instant(rs, "delivered_at"));
    }
}
