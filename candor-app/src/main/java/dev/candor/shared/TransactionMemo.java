package dev.candor.shared;

import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A value read at most once per transaction: the first call in a transaction reads it, later calls in the same
 * transaction get the same value, and it is forgotten when the transaction ends. Outside a transaction every
 * call reads. For small, rarely changing reads (which webhook subscriptions are active, which policy is live)
 * that a transaction filing many requests would otherwise repeat for each; the transaction then sees them as
 * they were at its first read, as if it had run a moment earlier.
 */
public final class TransactionMemo<T> {

    private final Supplier<T> read;

    public TransactionMemo(Supplier<T> read) {
        this.read = read;
    }

    public T get() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return read.get();
        }
        @SuppressWarnings("unchecked")
        T held = (T) TransactionSynchronizationManager.getResource(this);
        if (held != null) {
            return held;
        }
        T value = read.get();
        TransactionSynchronizationManager.bindResource(this, value);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(TransactionMemo.this);
            }
        });
        return value;
    }

    /** Makes the next call in this transaction read again (after the transaction changed what is read). */
    public void forget() {
        TransactionSynchronizationManager.unbindResourceIfPossible(this);
    }
}
