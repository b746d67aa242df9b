package dev.candor.reports.model;

import java.util.OptionalDouble;

/**
 * A store's standing as a complainant over the window.
 *
 * @param accuracy confirmed / (confirmed + rejected); empty when nothing was decided
 * @param weight how much one of its reports counts before review, from 0 to 1: information for the risk
 *     decision, never a restriction by itself
 */
public record ComplainantStanding(ComplainantTier tier, OptionalDouble accuracy, long confirmed, long rejected, double weight) {

    public long decided() {
        return confirmed + rejected;
    }
}
