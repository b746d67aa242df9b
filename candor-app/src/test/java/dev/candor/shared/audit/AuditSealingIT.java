package dev.candor.shared.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.shared.SqlTime;
import dev.candor.shared.security.Actor;
import dev.candor.testing.IntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends take no shared lock and the sealer chains committed rows afterwards (issue #5): every committed row is
 * sealed exactly once, in the order it was sealed, and a sealed row cannot be changed, removed or moved unseen.
 * Before it is sealed, a row is not tamper-evident: the window these tests show.
 */
class AuditSealingIT extends IntegrationTest {

    private static final int THREADS = 16;
    private static final int APPENDS_PER_THREAD = 250;

    @Autowired
    AuditLog audit;

    @Autowired
    AuditSealer sealer;

    @Autowired
    AuditChain chain;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @Test
    void appendsFromManyThreadsWhileTwoSealersRunAreEachSealedExactlyOnceInAValidChain() throws Exception {
        for (boolean workAfterAppend : new boolean[] {false, true}) {
            String subject = unique("concurrent");
            AtomicBoolean appending = new AtomicBoolean(true);
            long started;
            double seconds;
            try (ExecutorService pool = Executors.newFixedThreadPool(THREADS + 2)) {
                List<Future<?>> sealers = List.of(pool.submit(() -> sealUntilDone(appending)),
                        pool.submit(() -> sealUntilDone(appending)));
                List<Future<?>> appenders = new ArrayList<>();
                started = System.nanoTime();
                try {
                    for (int t = 0; t < THREADS; t++) {
                        int thread = t;
                        appenders.add(pool.submit(() -> appendMany(subject, thread, workAfterAppend)));
                    }
                    for (Future<?> appender : appenders) {
                        appender.get();
                    }
                    seconds = (System.nanoTime() - started) / 1e9;
                } finally {
                    appending.set(false);
                }
                for (Future<?> s : sealers) {
                    s.get();
                }
            }
            int appends = THREADS * APPENDS_PER_THREAD;
            // A measurement, not an assertion (docs/benchmarks.md, "Audited writes").
            System.out.printf("audited appends (%s): %d from %d threads in %.2f s = %.0f appends/s%n",
                    workAfterAppend ? "2 ms of further work in each transaction" : "append-only transactions",
                    appends, THREADS, seconds, appends / seconds);

            sealer.seal();
            assertThat(count("select count(*) from audit_log where subject_id = ?", subject)).isEqualTo(appends);
            assertThat(count("""
                    select count(*) from audit_seals s join audit_log a on a.id = s.audit_id where a.subject_id = ?""", subject))
                    .isEqualTo(appends);
            assertThat(count("""
                    select count(distinct s.audit_id) from audit_seals s join audit_log a on a.id = s.audit_id
                     where a.subject_id = ?""", subject)).isEqualTo(appends);
            assertThat(count("""
                    select count(*) from audit_unsealed u join audit_log a on a.id = u.audit_id where a.subject_id = ?""", subject))
                    .isZero();
            AuditChain.Verification verification = chain.verify();
            assertThat(verification.intact()).as(verification.problem()).isTrue();
            assertThat(verification.unsealedRows()).isZero();
        }
    }

    @Test
    void aRowCommittedAfterAHigherIdIsSealedAfterIt() throws Exception {
        sealer.seal();
        String subject = unique("late");
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch mayCommit = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newSingleThreadExecutor()) {
            Future<?> slow = pool.submit(() -> transactions.executeWithoutResult(status -> {
                audit.append(Actor.system(), "test.slow", "test", subject, Map.of());
                appended.countDown();
                await(mayCommit);
            }));
            assertThat(appended.await(30, TimeUnit.SECONDS)).isTrue();
            appendCommitted(subject, "test.fast");
            long higherId = idOf(subject, "test.fast");

            assertThat(sealer.seal()).isEqualTo(1);
            mayCommit.countDown();
            slow.get();
            assertThat(chain.verify().unsealedRows()).isEqualTo(1);
            assertThat(sealer.seal()).isEqualTo(1);
            long slowId = idOf(subject, "test.slow");
            assertThat(slowId).isLessThan(higherId);
            assertThat(sealOf(slowId)).isGreaterThan(sealOf(higherId));
        }
        AuditChain.Verification verification = chain.verify();
        assertThat(verification.intact()).isTrue();
        assertThat(verification.unsealedRows()).isZero();
    }

    @Test
    void aRolledBackAppendIsNeverSealedAndLeavesNoGapInTheChain() {
        sealer.seal();
        String subject = unique("rolled-back");
        transactions.executeWithoutResult(status -> {
            audit.append(Actor.system(), "test.rolled-back", "test", subject, Map.of());
            status.setRollbackOnly();
        });
        appendCommitted(subject, "test.kept");

        assertThat(sealer.seal()).isEqualTo(1);
        assertThat(count("select count(*) from audit_log where subject_id = ?", subject)).isEqualTo(1);
        AuditChain.Verification verification = chain.verify();
        assertThat(verification.intact()).isTrue();
        assertThat(verification.unsealedRows()).isZero();
    }

    @Test
    void aRowIsTamperEvidentOnceSealedButNotBefore() {
        sealer.seal();
        String subject = unique("window");
        appendCommitted(subject, "test.window");
        long id = idOf(subject, "test.window");

        AuditChain.Verification beforeSealing = chain.verify();
        assertThat(beforeSealing.unsealedRows()).isEqualTo(1);
        assertThat(meters.get("candor.audit.unsealed.rows").gauge().value()).isEqualTo(1);
        assertThat(count("select count(*) from audit_seals where audit_id = ?", id)).isZero();
        setActor(id, "someone-else");
        assertThat(chain.verify().intact()).as("a change before sealing goes unseen: the documented window").isTrue();
        setActor(id, "system");

        AuditChain.Verification sealed = chain.sealAndVerify();
        assertThat(sealed.intact()).isTrue();
        assertThat(sealed.unsealedRows()).isZero();
        assertThat(meters.get("candor.audit.unsealed.rows").gauge().value()).isZero();
        setActor(id, "someone-else");
        try {
            AuditChain.Verification broken = chain.verify();
            assertThat(broken.intact()).isFalse();
            assertThat(broken.firstBrokenRowId()).isEqualTo(id);
            assertThat(broken.firstBrokenSeq()).isEqualTo(sealOf(id));
            assertThat(broken.problem()).isEqualTo("audit row " + id + " does not match its seal");
        } finally {
            setActor(id, "system");
        }
        assertThat(chain.verify().intact()).isTrue();
    }

    @Test
    void aRemovedRowARemovedSealAndReorderedSealsBreakTheChain() {
        String subject = unique("tamper");
        for (int i = 0; i < 3; i++) {
            appendCommitted(subject, "test.tamper-" + i);
        }
        assertThat(chain.sealAndVerify().intact()).isTrue();
        long middleRow = idOf(subject, "test.tamper-1");
        long middle = sealOf(middleRow);
        long last = sealOf(idOf(subject, "test.tamper-2"));

        AuditLog.AuditEntry row = jdbc.sql("select " + AuditLog.AuditEntry.COLUMNS + " from audit_log where id = ?")
                .param(middleRow).query((rs, n) -> AuditLog.AuditEntry.map(rs)).single();
        jdbc.sql("delete from audit_log where id = ?").param(middleRow).update();
        try {
            AuditChain.Verification broken = chain.verify();
            assertThat(broken.intact()).isFalse();
            assertThat(broken.firstBrokenSeq()).isEqualTo(middle);
            assertThat(broken.problem()).isEqualTo("audit row " + middleRow + " was removed");
        } finally {
            jdbc.sql("""
                            insert into audit_log (id, occurred_at, actor_id, actor_kind, action, subject_type, subject_id, detail)
                            overriding system value values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(row.id(), SqlTime.of(row.occurredAt()), row.actorId(), row.actorKind(), row.action(),
                            row.subjectType(), row.subjectId(), row.detail())
                    .update();
            // The insert noted the restored row as unsealed (V14's trigger); it is sealed already.
            jdbc.sql("delete from audit_unsealed where audit_id = ?").param(row.id()).update();
        }
        assertThat(chain.verify().intact()).isTrue();

        for (long removed : new long[] {middle, last}) {
            Map<String, Object> seal = jdbc.sql("select * from audit_seals where seq = ?").param(removed).query().singleRow();
            jdbc.sql("delete from audit_seals where seq = ?").param(removed).update();
            try {
                AuditChain.Verification broken = chain.verify();
                assertThat(broken.intact()).isFalse();
                assertThat(broken.firstBrokenSeq()).isEqualTo(removed);
                assertThat(broken.problem()).isEqualTo(removed == last ? "seals after " + (last - 1) + " were removed"
                        : "seal " + removed + " is missing");
                assertThat(broken.unsealedRows()).isEqualTo(1);
            } finally {
                jdbc.sql("insert into audit_seals (seq, audit_id, prev_hash, hash, sealed_at) values (?, ?, ?, ?, ?)")
                        .params(seal.get("seq"), seal.get("audit_id"), seal.get("prev_hash"), seal.get("hash"), seal.get("sealed_at"))
                        .update();
            }
            assertThat(chain.verify().intact()).isTrue();
        }

        swapSeals(middle, last);
        try {
            AuditChain.Verification broken = chain.verify();
            assertThat(broken.intact()).isFalse();
            assertThat(broken.firstBrokenSeq()).isEqualTo(middle);
            assertThat(broken.problem()).isEqualTo("the link to the previous seal does not match");
        } finally {
            swapSeals(middle, last);
        }
        assertThat(chain.verify().intact()).isTrue();
    }

    private void appendMany(String subject, int thread, boolean workAfterAppend) {
        for (int i = 0; i < APPENDS_PER_THREAD; i++) {
            int n = i;
            transactions.executeWithoutResult(status -> {
                audit.append(Actor.system(), "test.concurrent", "test", subject, Map.of("thread", thread, "n", n));
                if (workAfterAppend) {
                    // As in opening a case, where the decision's reads and writes follow the audit append.
                    jdbc.sql("select pg_sleep(0.002)").query().singleValue();
                }
            });
        }
    }

    /** Seals every 10 ms while the appenders run, as a node's sealer would every second. */
    private void sealUntilDone(AtomicBoolean appending) {
        while (appending.get()) {
            sealer.seal();
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void appendCommitted(String subject, String action) {
        transactions.executeWithoutResult(status -> audit.append(Actor.system(), action, "test", subject, Map.of()));
    }

    private long idOf(String subject, String action) {
        return jdbc.sql("select id from audit_log where subject_id = ? and action = ?").params(subject, action)
                .query(Long.class).single();
    }

    private long sealOf(long auditId) {
        return jdbc.sql("select seq from audit_seals where audit_id = ?").param(auditId).query(Long.class).single();
    }

    private long count(String sql, Object param) {
        return jdbc.sql(sql).param(param).query(Long.class).single();
    }

    private void setActor(long id, String actorId) {
        jdbc.sql("update audit_log set actor_id = ? where id = ?").params(actorId, id).update();
    }

    /** Swaps two seals' positions in the chain (through a free seq, as seq is the primary key). */
    private void swapSeals(long a, long b) {
        jdbc.sql("update audit_seals set seq = -1 where seq = ?").param(a).update();
        jdbc.sql("update audit_seals set seq = ? where seq = ?").params(a, b).update();
        jdbc.sql("update audit_seals set seq = ? where seq = -1").param(b).update();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
