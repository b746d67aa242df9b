package dev.candor.photoreuse.application;

import dev.candor.photoreuse.infrastructure.ReuseIndex;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Puts a stored hash into this node's index once its row is committed, so that a rolled-back insert never
 * shows up in a search; other nodes pick the row up by polling ({@link RefreshIndex}).
 */
@Component
class IndexAfterCommit {

    private final ReuseIndex index;

    IndexAfterCommit(ReuseIndex index) {
        this.index = index;
    }

    void add(long id, byte[] pdq) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            index.add(id, pdq);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                index.add(id, pdq);
            }
        });
    }
}
