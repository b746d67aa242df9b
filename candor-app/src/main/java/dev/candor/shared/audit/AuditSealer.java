package dev.candor.shared.audit;

import dev.candor.shared.SqlTime;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Chains committed audit rows into {@code audit_seals}, in the order it seals them (not id order: ids are
 * given at insert and commit out of order). It holds the {@code audit_head} row lock for one batch at a
 * time, so one sealer works at a time across nodes while appends, which never touch the head, go on. A
 * batch forgets its rows as unsealed, inserts their seals and advances the head in one transaction, so every
 * committed row is sealed exactly once. It runs on every node every {@code candor.audit.seal-interval}
 * (default 200ms) when scheduling is on, and before each verification. {@code candor_audit_unsealed_rows} shows
 * the rows waiting for a seal.
 */
@Component
class AuditSealer {

    static final int BATCH_SIZE = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final TransactionTemplate transactions;
    private final Clock clock;

    AuditSealer(JdbcClient jdbc, JdbcTemplate batches, TransactionTemplate transactions, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.transactions = transactions;
        this.clock = clock;
        Gauge.builder("candor.audit.unsealed.rows", this, AuditSealer::unsealed).strongReference(true)
                .description("Audit rows committed but not yet sealed (not yet tamper-evident); grows if sealing stalls")
                .register(meters);
    }

    /** Rows waiting for a seal, cluster-wide (read from the database at each scrape). */
    long unsealed() {
        return jdbc.sql("select count(*) from audit_unsealed").query(Long.class).single();
    }

    /** Seals every row committed before the call; returns how many rows this call sealed. */
    @Scheduled(fixedDelayString = "${candor.audit.seal-interval:200ms}", initialDelayString = "${candor.audit.seal-interval:200ms}")
    int seal() {
        int total = 0;
        int sealed;
        do {
            sealed = transactions.execute(status -> sealBatch());
            total += sealed;
        } while (sealed == BATCH_SIZE);
        return total;
    }

    private int sealBatch() {
        record Head(long seq, String hash) {
        }
        Head head = jdbc.sql("select seq, hash from audit_head where id = 1 for update")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).single();
        // Taken after the lock: a sealer that waited for it sees what the one before it sealed and forgot. The rows
        // taken are forgotten as unsealed in the same statement; a rollback brings them back.
        List<AuditLog.AuditEntry> rows = jdbc.sql("""
                        with taken as (
                            delete from audit_unsealed
                            where audit_id in (select audit_id from audit_unsealed order by audit_id limit ?)
                            returning audit_id)
                        select %s from audit_log where id in (select audit_id from taken) order by id"""
                        .formatted(AuditLog.AuditEntry.COLUMNS))
                .param(BATCH_SIZE)
                .query((rs, n) -> AuditLog.AuditEntry.map(rs))
                .list();
        if (rows.isEmpty()) {
            return 0;
        }
        var sealedAt = SqlTime.of(clock.instant());
        long seq = head.seq();
        String previous = head.hash();
        Object[][] seals = new Object[rows.size()][];
        for (int i = 0; i < rows.size(); i++) {
            String hash = rows.get(i).sealHash(previous);
            seals[i] = new Object[] {++seq, rows.get(i).id(), previous, hash, sealedAt};
            previous = hash;
        }
        batches.batchUpdate("insert into audit_seals (seq, audit_id, prev_hash, hash, sealed_at) values (?, ?, ?, ?, ?)",
                List.of(seals));
        jdbc.sql("update audit_head set seq = ?, hash = ? where id = 1").params(seq, previous).update();
        return rows.size();
    }
}
