package dev.candor.webhooks.infrastructure;

import dev.candor.shared.SqlTime;
import dev.candor.shared.TransactionMemo;
import dev.candor.webhooks.model.SigningSecret;
import dev.candor.webhooks.model.Subscription;
import java.net.URI;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Webhook subscriptions in PostgreSQL. */
@Repository
public class Subscriptions {

    private static final String COLUMNS = "id, url, event_types, store_ids, created_at, deactivated_at";

    private final JdbcClient jdbc;
    private final TransactionMemo<List<Subscription>> active;

    Subscriptions(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.active = new TransactionMemo<>(() -> jdbc.sql("select " + COLUMNS + " from webhook_subscriptions where active")
                .query(Subscriptions::map).list());
    }

    public void add(Subscription subscription, SigningSecret secret, String createdBy) {
        active.forget();
        jdbc.sql("""
                        insert into webhook_subscriptions (id, url, secret, event_types, store_ids, active, created_at, created_by)
                        values (?, ?, ?, ?, ?, true, ?, ?)""")
                .params(subscription.id(), subscription.url().toString(), secret.value(),
                        subscription.eventTypes().stream().sorted().toArray(String[]::new),
                        subscription.storeIds().stream().sorted().toArray(String[]::new),
                        SqlTime.of(subscription.createdAt()), createdBy)
                .update();
    }

    public Optional<Subscription> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from webhook_subscriptions where id = ?")
                .param(id).query(Subscriptions::map).optional();
    }

    /** Subscriptions, newest first. */
    public List<Subscription> page(int page, int size) {
        return jdbc.sql("select " + COLUMNS + " from webhook_subscriptions order by created_at desc, id limit ? offset ?")
                .params(size, (long) page * size).query(Subscriptions::map).list();
    }

    public long count() {
        return jdbc.sql("select count(*) from webhook_subscriptions").query(Long.class).single();
    }

    /** The active subscriptions, read once per transaction (see {@link TransactionMemo}). */
    public List<Subscription> active() {
        return active.get();
    }

    /** Deactivates an active subscription; {@code false} when it was already inactive. */
    public boolean deactivate(UUID id, Instant at, String by) {
        active.forget();
        return jdbc.sql("""
                        update webhook_subscriptions set active = false, deactivated_at = ?, deactivated_by = ?
                         where id = ? and active""")
                .params(SqlTime.of(at), by, id).update() == 1;
    }

    private static Subscription map(ResultSet rs, int row) throws SQLException {
        return new Subscription(rs.getObject("id", UUID.class), URI.create(rs.getString("url")),
                strings(rs.getArray("event_types")), strings(rs.getArray("store_ids")),
                SqlTime.instant(rs, "created_at"), SqlTime.instant(rs, "deactivated_at"));
    }

    private static Set<String> strings(Array array) throws SQLException {
        return Set.of((String[]) array.getArray());
    }
}
