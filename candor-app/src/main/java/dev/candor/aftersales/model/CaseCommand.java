package dev.candor.aftersales.model;

/** What a party asks to do to a case, with the facts the action needs. */
public sealed interface CaseCommand {

    Action action();

    record Agree() implements CaseCommand {
        public Action action() {
            return Action.AGREE;
        }
    }

    record Refuse(String reason) implements CaseCommand {
        public Action action() {
            return Action.REFUSE;
        }
    }

    record OfferPartialRefund(long amountCents, String note) implements CaseCommand {
        public Action action() {
            return Action.OFFER_PARTIAL_REFUND;
        }
    }

    record AcceptOffer() implements CaseCommand {
        public Action action() {
            return Action.ACCEPT_OFFER;
        }
    }

    record DeclineOffer(String reason) implements CaseCommand {
        public Action action() {
            return Action.DECLINE_OFFER;
        }
    }

    record Escalate(String reason) implements CaseCommand {
        public Action action() {
            return Action.ESCALATE;
        }
    }

    record ShipReturn(String carrier, String trackingNumber) implements CaseCommand {
        public Action action() {
            return Action.SHIP_RETURN;
        }
    }

    record ConfirmReturnReceived() implements CaseCommand {
        public Action action() {
            return Action.CONFIRM_RETURN_RECEIVED;
        }
    }

    record PassInspection(String note) implements CaseCommand {
        public Action action() {
            return Action.PASS_INSPECTION;
        }
    }

    record FailInspection(InspectionFailure failure, String note) implements CaseCommand {
        public Action action() {
            return Action.FAIL_INSPECTION;
        }
    }

    record ShipReplacement(String carrier, String trackingNumber) implements CaseCommand {
        public Action action() {
            return Action.SHIP_REPLACEMENT;
        }
    }

    record Judge(JudgmentOutcome outcome, long amountCents, String rule, String reasoning) implements CaseCommand {
        public Action action() {
            return Action.JUDGE;
        }
    }

    record Enforce() implements CaseCommand {
        public Action action() {
            return Action.ENFORCE;
        }
    }

    record ConfirmRefund(long amountCents, String reference) implements CaseCommand {
        public Action action() {
            return Action.CONFIRM_REFUND;
        }
    }

    record Appeal(String reason) implements CaseCommand {
        public Action action() {
            return Action.APPEAL;
        }
    }

    record UpholdJudgment(String reasoning) implements CaseCommand {
        public Action action() {
            return Action.UPHOLD_JUDGMENT;
        }
    }

    record OverturnJudgment(JudgmentOutcome outcome, long amountCents, String rule, String reasoning) implements CaseCommand {
        public Action action() {
            return Action.OVERTURN_JUDGMENT;
        }
    }

    record Cancel(String reason) implements CaseCommand {
        public Action action() {
            return Action.CANCEL;
        }
    }

    /** What Candor does when a time limit runs out; {@code action} is one of the {@code AUTO_} actions. */
    record Expire(Action action) implements CaseCommand {
    }
}
