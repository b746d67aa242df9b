package dev.candor.reports.model;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Turns a store's decided reports into a tier. With fewer than {@code minimumSample} decided reports in
 * the window a store is ORDINARY; otherwise accuracy at or above {@code goodFrom} is GOOD, below
 * {@code maliciousBelow} MALICIOUS, below {@code poorBelow} POOR, and ORDINARY in between.
 *
 * @param window how far back decisions count (by the time they were decided)
 * @param weights how much a report of each tier counts before review, each from 0 to 1
 */
public record ComplainantPolicy(Duration window, int minimumSample, double goodFrom, double poorBelow,
                                double maliciousBelow, Map<ComplainantTier, Double> weights) {

    public ComplainantPolicy {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the complainant window must be positive");
        }
        if (minimumSample < 1) {
            throw new IllegalArgumentException("the minimum sample must be at least 1");
        }
        if (!(0 <= maliciousBelow && maliciousBelow <= poorBelow && poorBelow <= goodFrom && goodFrom <= 1)) {
            throw new IllegalArgumentException("thresholds must satisfy 0 <= malicious-below <= poor-below <= good-from <= 1");
        }
        weights = new EnumMap<>(weights);
        for (ComplainantTier tier : ComplainantTier.values()) {
            Double weight = weights.get(tier);
            if (weight == null || weight < 0 || weight > 1) {
                throw new IllegalArgumentException("the weight of " + tier + " must be between 0 and 1");
            }
        }
        weights = Map.copyOf(weights);
    }

    /** Candor's defaults: 90 days, 5 decided reports, GOOD from 80 %, POOR below 50 %, MALICIOUS below 20 %. */
    public static ComplainantPolicy defaults() {
        return new ComplainantPolicy(Duration.ofDays(90), 5, 0.8, 0.5, 0.2,
                Map.of(ComplainantTier.GOOD, 1.0, ComplainantTier.ORDINARY, 0.6, ComplainantTier.POOR, 0.3,
                        ComplainantTier.MALICIOUS, 0.0));
    }

    public ComplainantStanding standing(long confirmed, long rejected) {
        long decided = confirmed + rejected;
        OptionalDouble accuracy = decided == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) confirmed / decided);
        ComplainantTier tier = decided < minimumSample ? ComplainantTier.ORDINARY : tierOf(accuracy.orElseThrow());
        return new ComplainantStanding(tier, accuracy, confirmed, rejected, weights.get(tier));
    }

    private ComplainantTier tierOf(double accuracy) {
        if (accuracy >= goodFrom) {
            return ComplainantTier.GOOD;
        }
        if (accuracy < maliciousBelow) {
            return ComplainantTier.MALICIOUS;
        }
        return accuracy < poorBelow ? ComplainantTier.POOR : ComplainantTier.ORDINARY;
    }
}
