package dev.candor.reports.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReviewQueueOrderTest {

    private static final Instant NOW = Instant.parse("2026-06-01T08:00:00Z");

    private static ReviewQueueOrder.Entry report(String name, Duration dueIn, ComplainantTier tier) {
        return new ReviewQueueOrder.Entry(UUID.nameUUIDFromBytes(name.getBytes()), NOW.plus(dueIn), tier);
    }

    private static List<ReviewQueueOrder.Entry> ordered(ReviewQueueOrder.Entry... entries) {
        List<ReviewQueueOrder.Entry> list = new ArrayList<>(List.of(entries));
        Collections.reverse(list);
        list.sort(ReviewQueueOrder.at(NOW));
        return list;
    }

    @Test
    void overdueReportsComeFirstWhateverTheReportersTier() {
        var goodDueSoon = report("good", Duration.ofHours(1), ComplainantTier.GOOD);
        var poorOverdue = report("poor", Duration.ofHours(-1), ComplainantTier.POOR);
        var maliciousDueNow = report("malicious", Duration.ZERO, ComplainantTier.MALICIOUS);
        assertThat(ordered(goodDueSoon, poorOverdue, maliciousDueNow)).containsExactly(poorOverdue, maliciousDueNow, goodDueSoon);
    }

    @Test
    void thenBetterComplainantsFirstThenTheEarliestDue() {
        var ordinaryEarly = report("ordinary-early", Duration.ofHours(2), ComplainantTier.ORDINARY);
        var goodLate = report("good-late", Duration.ofHours(20), ComplainantTier.GOOD);
        var goodEarly = report("good-early", Duration.ofHours(3), ComplainantTier.GOOD);
        var maliciousEarliest = report("malicious", Duration.ofHours(1), ComplainantTier.MALICIOUS);
        var poor = report("poor", Duration.ofHours(1), ComplainantTier.POOR);
        assertThat(ordered(ordinaryEarly, goodLate, goodEarly, maliciousEarliest, poor))
                .containsExactly(goodEarly, goodLate, ordinaryEarly, poor, maliciousEarliest);
    }

    @Test
    void amongOverdueReportsTheTierStillOrdersBeforeTheDueTime() {
        var ordinaryLongOverdue = report("ordinary", Duration.ofHours(-10), ComplainantTier.ORDINARY);
        var goodJustOverdue = report("good", Duration.ofHours(-1), ComplainantTier.GOOD);
        assertThat(ordered(ordinaryLongOverdue, goodJustOverdue)).containsExactly(goodJustOverdue, ordinaryLongOverdue);
    }

    @Test
    void platformReportsRankWithGoodComplainants() {
        var platform = report("platform", Duration.ofHours(5), null);
        var good = report("good", Duration.ofHours(6), ComplainantTier.GOOD);
        var ordinary = report("ordinary", Duration.ofHours(1), ComplainantTier.ORDINARY);
        assertThat(ordered(ordinary, good, platform)).containsExactly(platform, good, ordinary);
    }
}
