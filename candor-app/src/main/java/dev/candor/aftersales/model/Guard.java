package dev.candor.aftersales.model;

import java.util.function.Predicate;

/** A condition on the case that picks between transitions of the same action from the same state. */
public enum Guard {
    ALWAYS(c -> true),
    REFUND_ONLY(c -> c.type() == CaseType.REFUND_ONLY),
    NEEDS_RETURN(c -> c.type().needsReturn()),
    RETURN_AND_REFUND(c -> c.type() == CaseType.RETURN_AND_REFUND),
    EXCHANGE(c -> c.type() == CaseType.EXCHANGE),
    JUDGED_REFUND(c -> c.judgment() != null && (c.judgment().outcome() == JudgmentOutcome.FULL_REFUND
            || c.judgment().outcome() == JudgmentOutcome.PARTIAL_REFUND)),
    JUDGED_RETURN(c -> c.judgment() != null && c.judgment().outcome() == JudgmentOutcome.RETURN_REQUIRED),
    JUDGED_REJECTED(c -> c.judgment() != null && c.judgment().outcome() == JudgmentOutcome.REQUEST_REJECTED),
    HAS_JUDGMENT(c -> c.judgment() != null),
    NO_JUDGMENT(c -> c.judgment() == null);

    private final Predicate<AfterSalesCase> test;

    Guard(Predicate<AfterSalesCase> test) {
        this.test = test;
    }

    public boolean holds(AfterSalesCase c) {
        return test.test(c);
    }
}
