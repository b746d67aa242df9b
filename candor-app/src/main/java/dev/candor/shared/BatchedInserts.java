package dev.candor.shared;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Inserts of rows nothing in the same transaction reads back at once: timeline entries, audit rows, decisions,
 * claims, webhook deliveries. An insert runs at once, except inside {@link #collecting}: there the rows wait, and
 * each statement's rows go to PostgreSQL together when the work ends or {@link #flush} is called, in one round
 * trip per statement (the driver's {@code reWriteBatchedInserts} makes them multi-row inserts). A transaction
 * filing many requests then writes each table once instead of once per request.
 *
 * <p>Rows of one statement keep their order (ids from a sequence follow it); rows waiting are not visible to
 * reads, so code that reads what it may have inserted in the same collecting transaction calls {@link #flush}
 * first, and outside a savepoint it may roll back to.
 */
@Component
public class BatchedInserts {

    private final JdbcTemplate jdbc;

    BatchedInserts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts now, or queues the row when the transaction is {@link #collecting}. */
    public void insert(String sql, Object... args) {
        Map<String, List<Object[]>> waiting = waiting();
        if (waiting == null) {
            jdbc.update(sql, args);
        } else {
            waiting.computeIfAbsent(sql, s -> new ArrayList<>()).add(args);
        }
    }

    /**
     * Runs work in the caller's transaction with inserts queued, and sends them before returning. When the work
     * throws, what it queued is dropped with the transaction it rolls back.
     */
    public <T> T collecting(Supplier<T> work) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalTransactionStateException("collecting inserts needs a transaction to send them in");
        }
        if (waiting() != null) {
            return work.get();
        }
        TransactionSynchronizationManager.bindResource(this, new LinkedHashMap<String, List<Object[]>>());
        try {
            T result = work.get();
            flush();
            return result;
        } finally {
            TransactionSynchronizationManager.unbindResource(this);
        }
    }

    /** Sends the rows waiting, if any, so that what follows reads them. */
    public void flush() {
        Map<String, List<Object[]>> waiting = waiting();
        if (waiting == null) {
            return;
        }
        waiting.forEach(jdbc::batchUpdate);
        waiting.clear();
    }

    @SuppressWarnings("unchecked")
    private Map<String, List<Object[]>> waiting() {
        return (Map<String, List<Object[]>>) TransactionSynchronizationManager.getResource(this);
    }
}
