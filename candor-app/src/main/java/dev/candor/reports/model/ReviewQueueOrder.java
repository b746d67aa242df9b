package dev.candor.reports.model;

import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;

/**
 * The review queue's order: overdue reports first, then by the reporter's complainant tier (GOOD first),
 * then the earliest due. Reports the platform filed itself have no complainant and rank with GOOD.
 */
public final class ReviewQueueOrder {

    private ReviewQueueOrder() {
    }

    /**
     * A pending report as the queue sees it.
     *
     * @param complainantTier the reporting store's tier; {@code null} for a report the platform filed
     */
    public record Entry(UUID reportId, Instant dueAt, ComplainantTier complainantTier) {

        public boolean overdueAt(Instant now) {
            return !now.isBefore(dueAt);
        }

        int tierRank() {
            return complainantTier == null ? ComplainantTier.GOOD.ordinal() : complainantTier.ordinal();
        }
    }

    public static Comparator<Entry> at(Instant now) {
        return Comparator.comparing((Entry e) -> !e.overdueAt(now))
                .thenComparingInt(Entry::tierRank)
                .thenComparing(Entry::dueAt)
                .thenComparing(Entry::reportId);
    }
}
