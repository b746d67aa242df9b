package dev.candor.risk.infrastructure;

import dev.candor.risk.model.Features;
import dev.candor.risk.model.Features.Window;
import dev.candor.shared.BatchedInserts;
import dev.candor.shared.SqlTime;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The facts the synchronous decision reads by key: the buyer's request history, the accounts linked to
 * the buyer, the store's record. They are kept current as requests are filed, ledger entries confirmed or
 * revoked and contact details pushed, so a decision never aggregates more than one buyer's rows.
 */
@Repository
public class RiskFacts {

    /** What an account link is made of. */
    public enum LinkKind { ADDRESS, PHONE, DEVICE, PAYMENT }

    private final JdbcClient jdbc;
    private final BatchedInserts inserts;
    private volatile SecretKeySpec linkKey;

    RiskFacts(JdbcClient jdbc, BatchedInserts inserts) {
        this.jdbc = jdbc;
        this.inserts = inserts;
    }

    /** The buyer's history over 30, 90 and 365 days before {@code now}, and the accounts linked to the buyer. */
    public record BuyerFacts(Features.History history, Features.Links links) {
    }

    public BuyerFacts buyer(String buyerId, Instant now) {
        return buyers(List.of(buyerId), now).get(buyerId);
    }

    /** The history and links of each of the buyers as of {@code now}, in one read; every buyer asked for is present. */
    public Map<String, BuyerFacts> buyers(Collection<String> buyerIds, Instant now) {
        Map<String, BuyerFacts> facts = new HashMap<>();
        jdbc.sql("""
                        with b as (select distinct unnest(cast(:buyers as text[])) buyer_id),
                        h as (
                            select buyer_id,
                                   count(*) filter (where filed_at >= :d30) c30, coalesce(sum(requested_cents) filter (where filed_at >= :d30), 0) a30,
                                   count(*) filter (where filed_at >= :d30 and refund_only) r30, count(*) filter (where filed_at >= :d30 and early) e30,
                                   count(*) filter (where filed_at >= :d30 and abusive) x30,
                                   count(*) filter (where filed_at >= :d90) c90, coalesce(sum(requested_cents) filter (where filed_at >= :d90), 0) a90,
                                   count(*) filter (where filed_at >= :d90 and refund_only) r90, count(*) filter (where filed_at >= :d90 and early) e90,
                                   count(*) filter (where filed_at >= :d90 and abusive) x90,
                                   count(*) c365, coalesce(sum(requested_cents), 0) a365, count(*) filter (where refund_only) r365,
                                   count(*) filter (where early) e365, count(*) filter (where abusive) x365
                            from risk_claims where buyer_id = any (cast(:buyers as text[])) and filed_at >= :d365 and filed_at <= :now
                            group by buyer_id),
                        linked as (
                            select distinct mine.buyer_id, other.buyer_id other_id from risk_account_links mine
                            join risk_account_links other on other.kind = mine.kind and other.fingerprint = mine.fingerprint
                                                          and other.buyer_id <> mine.buyer_id
                            where mine.buyer_id = any (cast(:buyers as text[]))),
                        l as (
                            select buyer_id, count(*) linked,
                                   count(*) filter (where exists (select 1 from risk_claims c where c.buyer_id = linked.other_id
                                                                   and c.abusive and c.filed_at >= :d365)) abusive
                            from linked group by buyer_id)
                        select b.buyer_id,
                               coalesce(c30, 0) c30, coalesce(a30, 0) a30, coalesce(r30, 0) r30, coalesce(e30, 0) e30, coalesce(x30, 0) x30,
                               coalesce(c90, 0) c90, coalesce(a90, 0) a90, coalesce(r90, 0) r90, coalesce(e90, 0) e90, coalesce(x90, 0) x90,
                               coalesce(c365, 0) c365, coalesce(a365, 0) a365, coalesce(r365, 0) r365, coalesce(e365, 0) e365,
                               coalesce(x365, 0) x365, coalesce(linked, 0) linked, coalesce(abusive, 0) abusive
                        from b left join h using (buyer_id) left join l using (buyer_id)""")
                .param("buyers", buyerIds.toArray(String[]::new)).param("now", SqlTime.of(now))
                .param("d30", SqlTime.of(now.minus(Duration.ofDays(30)))).param("d90", SqlTime.of(now.minus(Duration.ofDays(90))))
                .param("d365", SqlTime.of(now.minus(Duration.ofDays(365))))
                .query((RowCallbackHandler) rs -> facts.put(rs.getString("buyer_id"), new BuyerFacts(
                        new Features.History(window(rs, "30"), window(rs, "90"), window(rs, "365")),
                        new Features.Links(rs.getInt("linked"), rs.getInt("abusive")))));
        return facts;
    }

    private static Window window(ResultSet rs, String days) throws SQLException {
        return new Window(rs.getInt("c" + days), rs.getLong("a" + days), rs.getInt("r" + days), rs.getInt("e" + days), rs.getInt("x" + days));
    }

    /** The store's requests over the 90 days before {@code now} and how many were judged abusive. */
    public Features.StoreRecord store(String storeId, Instant now) {
        return jdbc.sql("""
                        select count(*) claims, count(*) filter (where abusive) abusive from risk_claims
                        where store_id = ? and filed_at >= ? and filed_at <= ?""")
                .params(storeId, SqlTime.of(now.minus(Duration.ofDays(90))), SqlTime.of(now))
                .query((rs, n) -> new Features.StoreRecord(rs.getInt("claims"), rs.getInt("abusive"))).single();
    }

    /** Records a filed request in the history (already judged abusive when a confirmed entry named its order before). */
    public void recordClaim(UUID caseId, String buyerId, String storeId, String orderId, boolean refundOnly, long requestedCents,
                            boolean early, Instant filedAt) {
        inserts.insert("""
                        insert into risk_claims (case_id, buyer_id, store_id, order_id, refund_only, requested_cents, early, abusive, filed_at)
                        values (?, ?, ?, ?, ?, ?, ?, exists (select 1 from risk_abusive_entries e
                                                            where e.order_id = ? and e.buyer_id = ? and not e.revoked), ?)""",
                caseId, buyerId, storeId, orderId, refundOnly, requestedCents, early, orderId, buyerId, SqlTime.of(filedAt));
    }

    /** A confirmed ledger entry judged the buyer's order abusive. */
    public void markAbusive(UUID entryId, String buyerId, String orderId) {
        int added = jdbc.sql("insert into risk_abusive_entries (entry_id, buyer_id, order_id) values (?, ?, ?) on conflict do nothing")
                .params(entryId, buyerId, orderId).update();
        if (added == 1) {
            jdbc.sql("update risk_claims set abusive = true where order_id = ? and buyer_id = ?").params(orderId, buyerId).update();
        }
    }

    /** Ledger entries were revoked on appeal: their orders stay abusive only while another entry still names them. */
    public void revokeAbusive(Collection<UUID> entryIds) {
        if (entryIds.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        with revoked as (
                            update risk_abusive_entries set revoked = true where entry_id in (:ids) and not revoked
                            returning buyer_id, order_id)
                        update risk_claims c set abusive = exists (
                            select 1 from risk_abusive_entries e
                            where e.order_id = c.order_id and e.buyer_id = c.buyer_id and not e.revoked and e.entry_id not in (:ids))
                        from revoked where c.order_id = revoked.order_id and c.buyer_id = revoked.buyer_id""")
                .param("ids", entryIds).update();
    }

    /** Links the buyer to whatever else shares the value; only a keyed hash of the value is stored. */
    public void link(String buyerId, LinkKind kind, String value, Instant at) {
        String normalized = value.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (normalized.isEmpty()) {
            return;
        }
        jdbc.sql("insert into risk_account_links (kind, fingerprint, buyer_id, first_seen) values (?, ?, ?, ?) on conflict do nothing")
                .params(kind.name(), hmac(kind.name() + "\n" + normalized), buyerId, SqlTime.of(at)).update();
    }

    private byte[] hmac(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(linkKey());
            return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private SecretKeySpec linkKey() {
        SecretKeySpec key = linkKey;
        if (key == null) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            jdbc.sql("insert into risk_link_key (id, key) values (1, ?) on conflict do nothing").param(fresh).update();
            key = new SecretKeySpec(jdbc.sql("select key from risk_link_key where id = 1").query(byte[].class).single(), "HmacSHA256");
            linkKey = key;
        }
        return key;
    }
}
