package dev.candor.commerce.model;

import java.time.Instant;
import java.util.Optional;

/** Where pushed records of one kind are kept, keyed by the order system's id. */
public interface Upsertable<T extends Pushed> {

    /**
     * Inserts the record unless one with its id exists ({@code INSERT ... ON CONFLICT DO NOTHING}, so a
     * concurrent push of the same id waits for the other and then finds it, never a duplicate-key error).
     *
     * @return whether this call inserted it
     */
    boolean insertIfAbsent(T record, Instant now);

    /** The record with its row locked until the transaction ends. */
    Optional<T> lock(String id);

    void update(T record, Instant now);
}
