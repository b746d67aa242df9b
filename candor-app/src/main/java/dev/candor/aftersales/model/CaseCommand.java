package dev.candor.aftersales.model;

/** What a party asks to do to a case, with the facts the action needs. */
public sealed interface CaseCommand {

    /** The lifecycle action this command asks for. */
    default Action action() {
        return switch (this) {
            case Agree a -> Action.AGREE;
            case Refuse r -> Action.REFUSE;
            case OfferPartialRefund o -> Action.OFFER_PARTIAL_REFUND;
            case AcceptOffer a -> Action.ACCEPT_OFFER;
            case DeclineOffer d -> Action.DECLINE_OFFER;
            case Escalate e -> Action.ESCALATE;
            case ShipReturn s -> Action.SHIP_RETURN;
            case ConfirmReturnReceived c -> Action.CONFIRM_RETURN_RECEIVED;
            case PassInspection p -> Action.PASS_INSPECTION;
            case FailInspection f -> Action.FAIL_INSPECTION;
            case ShipReplacement s -> Action.SHIP_REPLACEMENT;
            case Judge j -> Action.JUDGE;
            case Enforce e -> Action.ENFORCE;
            case ConfirmRefund c -> Action.CONFIRM_REFUND;
            case Appeal a -> Action.APPEAL;
            case UpholdJudgment u -> Action.UPHOLD_JUDGMENT;
            case OverturnJudgment o -> Action.OVERTURN_JUDGMENT;
            case Cancel c -> Action.CANCEL;
            case Expire e -> e.action();
            case FastApprove f -> Action.FAST_APPROVE;
        };
    }

    record Agree() implements CaseCommand {
    }

    record Refuse(String reason) implements CaseCommand {
    }

    record OfferPartialRefund(long amountCents, String note) implements CaseCommand {
    }

    record AcceptOffer() implements CaseCommand {
    }

    record DeclineOffer(String reason) implements CaseCommand {
    }

    record Escalate(String reason) implements CaseCommand {
    }

    record ShipReturn(String carrier, String trackingNumber) implements CaseCommand {
    }

    record ConfirmReturnReceived() implements CaseCommand {
    }

    record PassInspection(String note) implements CaseCommand {
    }

    record FailInspection(InspectionFailure failure, String note) implements CaseCommand {
    }

    record ShipReplacement(String carrier, String trackingNumber) implements CaseCommand {
    }

    record Judge(JudgmentOutcome outcome, long amountCents, String rule, String reasoning) implements CaseCommand {
    }

    record Enforce() implements CaseCommand {
    }

    record ConfirmRefund(long amountCents, String reference) implements CaseCommand {
    }

    record Appeal(String reason) implements CaseCommand {
    }

    record UpholdJudgment(String reasoning) implements CaseCommand {
    }

    record OverturnJudgment(JudgmentOutcome outcome, long amountCents, String rule, String reasoning) implements CaseCommand {
    }

    record Cancel(String reason) implements CaseCommand {
    }

    /** The risk decision approved the request at once (the store opted in to fast approval). */
    record FastApprove() implements CaseCommand {
    }

    /** What Candor does when a time limit runs out; {@code action} is one of the {@code AUTO_} actions. */
    record Expire(Action action) implements CaseCommand {
    }
}
