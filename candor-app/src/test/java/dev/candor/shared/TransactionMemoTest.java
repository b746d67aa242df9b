package dev.candor.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class TransactionMemoTest {

    private final AtomicInteger reads = new AtomicInteger();
    private final TransactionMemo<Integer> memo = new TransactionMemo<>(reads::incrementAndGet);

    @AfterEach
    void leaveNoTransactionBehind() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
        TransactionSynchronizationManager.unbindResourceIfPossible(memo);
    }

    @Test
    void outsideATransactionEveryCallReads() {
        assertThat(memo.get()).isEqualTo(1);
        assertThat(memo.get()).isEqualTo(2);
    }

    @Test
    void insideATransactionTheFirstReadIsKeptUntilItEndsOrIsForgotten() {
        TransactionSynchronizationManager.initSynchronization();
        assertThat(memo.get()).isEqualTo(1);
        assertThat(memo.get()).isEqualTo(1);
        memo.forget();
        assertThat(memo.get()).isEqualTo(2);
        assertThat(memo.get()).isEqualTo(2);

        TransactionSynchronizationManager.getSynchronizations()
                .forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_COMMITTED));
        TransactionSynchronizationManager.clearSynchronization();

        TransactionSynchronizationManager.initSynchronization();
        assertThat(memo.get()).isEqualTo(3);
    }
}
