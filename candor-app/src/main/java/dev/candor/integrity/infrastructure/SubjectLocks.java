package dev.candor.integrity.infrastructure;

import dev.candor.integrity.model.Subject;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Serializes every change to one subject's record (recording, appeal decisions, the sweep) across nodes with
 * a transaction-scoped PostgreSQL advisory lock, so each recompute of restrictions sees the changes before it.
 */
@Component
public class SubjectLocks {

    private final JdbcClient jdbc;

    SubjectLocks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void lock(Subject subject) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))").param(subject.lockKey()).query((RowCallbackHandler) row -> { });
    }
}
