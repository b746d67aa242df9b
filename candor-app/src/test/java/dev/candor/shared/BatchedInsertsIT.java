package dev.candor.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.candor.testing.IntegrationTest;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

class BatchedInsertsIT extends IntegrationTest {

    private static final String INSERT = "insert into batched_rows (label) values (?)";

    @Autowired
    BatchedInserts inserts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    /** Runs work in a transaction with its own temporary table, dropped at the end. */
    private void inATransactionWithATable(Runnable work) {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("create temporary table batched_rows (id bigint generated always as identity, label text) on commit drop").update();
            work.run();
        });
    }

    private List<String> labelsInIdOrder() {
        return jdbc.sql("select label from batched_rows order by id").query(String.class).list();
    }

    @Test
    void outsideCollectingAnInsertIsWrittenAtOnce() {
        inATransactionWithATable(() -> {
            inserts.insert(INSERT, "now");
            assertThat(labelsInIdOrder()).containsExactly("now");
        });
    }

    @Test
    void whileCollectingRowsWaitUntilFlushedAndKeepTheirOrder() {
        inATransactionWithATable(() -> {
            List<String> seenWhileCollecting = inserts.collecting(() -> {
                for (int i = 0; i < 70; i++) {
                    inserts.insert(INSERT, "row-" + i);
                }
                List<String> before = labelsInIdOrder();
                inserts.flush();
                inserts.insert(INSERT, "after-flush");
                assertThat(labelsInIdOrder()).hasSize(70);
                return before;
            });
            assertThat(seenWhileCollecting).isEmpty();
            List<String> written = labelsInIdOrder();
            assertThat(written).hasSize(71).endsWith("after-flush");
            assertThat(written.subList(0, 70)).containsExactlyElementsOf(
                    IntStream.range(0, 70).mapToObj(i -> "row-" + i).toList());
        });
    }

    @Test
    void workThatFailsLeavesItsQueuedRowsUnwrittenAndLaterInsertsRunAtOnce() {
        inATransactionWithATable(() -> {
            assertThatThrownBy(() -> inserts.collecting(() -> {
                inserts.insert(INSERT, "queued");
                throw new IllegalStateException("the work failed");
            })).hasMessage("the work failed");
            assertThat(labelsInIdOrder()).isEmpty();
            inserts.insert(INSERT, "later");
            assertThat(labelsInIdOrder()).containsExactly("later");
        });
    }

    @Test
    void collectingNeedsATransaction() {
        assertThatThrownBy(() -> inserts.collecting(() -> null)).isInstanceOf(IllegalTransactionStateException.class);
    }
}
