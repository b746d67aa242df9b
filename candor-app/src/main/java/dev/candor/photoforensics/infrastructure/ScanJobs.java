package dev.candor.photoforensics.infrastructure;

import dev.candor.shared.SqlTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The forensic stage's job queue: one row per case. A claim commits at once (no lock is held while a case is
 * scanned); its lease keeps other workers off the row until the run records its end or the lease runs out.
 * Every change a run records first re-reads the row under its lease ({@link #lockIfLeased}), so a run whose
 * lease was taken over changes nothing.
 */
@Repository
public class ScanJobs {

    private final JdbcClient jdbc;

    ScanJobs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A job claimed for one run. */
    public record Claim(UUID caseId, long generation, int attempt, UUID leaseOwner) {
    }

    /**
     * Queues a scan of the case in the caller's transaction: a new pending job, or the case's job pending again
     * with its generation bumped. A job already pending keeps its place, its back-off and its waiting time.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void queue(UUID caseId, Instant now) {
        jdbc.sql("""
                        insert into forensic_scan_jobs (case_id, status, generation, pending_since, attempts, next_attempt_at,
                                                        late_reported, updated_at)
                        values (:caseId, 'PENDING', 1, :now, 0, :now, false, :now)
                        on conflict (case_id) do update set
                            generation = forensic_scan_jobs.generation + 1,
                            status = 'PENDING',
                            pending_since = coalesce(forensic_scan_jobs.pending_since, excluded.pending_since),
                            attempts = case when forensic_scan_jobs.status = 'PENDING' then forensic_scan_jobs.attempts else 0 end,
                            next_attempt_at = case when forensic_scan_jobs.status = 'PENDING'
                                                   then forensic_scan_jobs.next_attempt_at else excluded.next_attempt_at end,
                            late_reported = forensic_scan_jobs.status = 'PENDING' and forensic_scan_jobs.late_reported,
                            updated_at = excluded.updated_at""")
                .param("caseId", caseId)
                .param("now", SqlTime.of(now))
                .update();
    }

    /**
     * Claims the longest-due pending job with attempts left for {@code lease} and counts the attempt; empty when
     * none is due. Jobs locked by a concurrent claim are skipped, not waited for.
     */
    @Transactional
    public Optional<Claim> claimNext(Instant now, Duration lease, int maxAttempts) {
        UUID owner = UUID.randomUUID();
        return jdbc.sql("""
                        with due as (
                            select case_id from forensic_scan_jobs
                             where status = 'PENDING' and next_attempt_at <= :now and attempts < :maxAttempts
                               and (lease_until is null or lease_until <= :now)
                             order by next_attempt_at, case_id
                             limit 1
                               for update skip locked)
                        update forensic_scan_jobs j
                           set attempts = j.attempts + 1, lease_owner = :owner, lease_until = :leaseUntil, updated_at = :now
                          from due
                         where j.case_id = due.case_id
                        returning j.case_id, j.generation, j.attempts""")
                .param("now", SqlTime.of(now))
                .param("maxAttempts", maxAttempts)
                .param("owner", owner)
                .param("leaseUntil", SqlTime.of(now.plus(lease)))
                .query((rs, n) -> new Claim(rs.getObject("case_id", UUID.class), rs.getLong("generation"), rs.getInt("attempts"), owner))
                .optional();
    }

    /** Locks the claimed job for the caller's transaction and returns its generation, or empty when the lease was lost. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Long> lockIfLeased(Claim claim) {
        return jdbc.sql("select generation from forensic_scan_jobs where case_id = ? and lease_owner = ? for update")
                .params(claim.caseId(), claim.leaseOwner()).query(Long.class).optional();
    }

    /** The run scanned the job's current generation: done. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void done(Claim claim, Instant now) {
        jdbc.sql("""
                        update forensic_scan_jobs
                           set status = 'DONE', pending_since = null, attempts = 0, lease_owner = null, lease_until = null,
                               late_reported = false, last_error = null, updated_at = ?
                         where case_id = ? and lease_owner = ?""")
                .params(SqlTime.of(now), claim.caseId(), claim.leaseOwner()).update();
    }

    /** Photos were queued while the run scanned: pending again and due now, with fresh attempts. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void again(Claim claim, Instant now) {
        jdbc.sql("""
                        update forensic_scan_jobs
                           set attempts = 0, next_attempt_at = ?, lease_owner = null, lease_until = null, last_error = null,
                               updated_at = ?
                         where case_id = ? and lease_owner = ?""")
                .params(SqlTime.of(now), SqlTime.of(now), claim.caseId(), claim.leaseOwner()).update();
    }

    /** The run failed and is tried again at {@code nextAttemptAt}. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void retryAt(Claim claim, Instant nextAttemptAt, String error, Instant now) {
        jdbc.sql("""
                        update forensic_scan_jobs
                           set next_attempt_at = ?, lease_owner = null, lease_until = null, last_error = ?, updated_at = ?
                         where case_id = ? and lease_owner = ?""")
                .params(SqlTime.of(nextAttemptAt), error, SqlTime.of(now), claim.caseId(), claim.leaseOwner()).update();
    }

    /** The run failed and was the last attempt. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void failed(Claim claim, String error, Instant now) {
        jdbc.sql("""
                        update forensic_scan_jobs
                           set status = 'FAILED', pending_since = null, lease_owner = null, lease_until = null, last_error = ?,
                               updated_at = ?
                         where case_id = ? and lease_owner = ?""")
                .params(error, SqlTime.of(now), claim.caseId(), claim.leaseOwner()).update();
    }

    /**
     * Fails, in the caller's transaction, every pending job whose attempts are used up and whose last lease ran
     * out (its runs never recorded an end: the node died each time); returns their cases.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<UUID> failAbandoned(Instant now, int maxAttempts) {
        return jdbc.sql("""
                        with abandoned as (
                            select case_id from forensic_scan_jobs
                             where status = 'PENDING' and attempts >= :maxAttempts and lease_until <= :now
                               for update skip locked)
                        update forensic_scan_jobs j
                           set status = 'FAILED', pending_since = null, lease_owner = null, lease_until = null,
                               last_error = 'every attempt ended without a result (lease expired)', updated_at = :now
                          from abandoned
                         where j.case_id = abandoned.case_id
                        returning j.case_id""")
                .param("now", SqlTime.of(now))
                .param("maxAttempts", maxAttempts)
                .query(UUID.class).list();
    }

    /**
     * Marks, in the caller's transaction, every pending job waiting since {@code cutoff} or longer and not yet
     * reported late; returns their cases. Each wait is reported once, by whichever node marks it first.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<UUID> markLate(Instant cutoff, Instant now) {
        return jdbc.sql("""
                        with late as (
                            select case_id from forensic_scan_jobs
                             where status = 'PENDING' and not late_reported and pending_since <= :cutoff
                               for update skip locked)
                        update forensic_scan_jobs j
                           set late_reported = true, updated_at = :now
                          from late
                         where j.case_id = late.case_id
                        returning j.case_id""")
                .param("cutoff", SqlTime.of(cutoff))
                .param("now", SqlTime.of(now))
                .query(UUID.class).list();
    }
}
