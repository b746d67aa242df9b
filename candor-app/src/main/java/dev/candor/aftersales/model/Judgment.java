package dev.candor.aftersales.model;

import java.time.Instant;

/**
 * A platform judgment. Every judgment cites a rule and gives its reasoning.
 *
 * @param amountCents the refund the judgment grants, in minor units; 0 when it grants none
 */
public record Judgment(JudgmentOutcome outcome, long amountCents, String rule, String reasoning, String judgedBy, Instant judgedAt) {

    public boolean grantsRefund() {
        return outcome == JudgmentOutcome.FULL_REFUND || outcome == JudgmentOutcome.PARTIAL_REFUND;
    }
}
