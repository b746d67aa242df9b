package dev.candor.aftersales.model;

import static dev.candor.aftersales.model.Action.*;
import static dev.candor.aftersales.model.CaseState.*;
import static dev.candor.aftersales.model.Guard.*;
import static dev.candor.aftersales.model.Party.*;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The after-sales lifecycle as data: every legal transition, who may take it, the condition that picks
 * it, and the rule it follows; and the time limit that runs in each state with what happens when it runs
 * out. Nothing else decides where a case may go. {@code LifecycleDiagramTest} renders this table into
 * {@code docs/case-lifecycle.md}.
 */
public final class Lifecycle {

    /**
     * One legal move.
     *
     * @param rule the rule the move follows, cited on the timeline
     */
    public record Transition(CaseState from, Action action, Set<Party> parties, Guard guard, CaseState to, String rule) {
    }

    /** The time limit running in a state, and the action Candor takes when it runs out ({@code null}: it only surfaces). */
    public record StateTimeLimit(CaseState state, TimeLimit limit, Action onExpiry) {
    }

    private static final List<Transition> TRANSITIONS = List.of(
            t(REQUESTED, AGREE, Set.of(MERCHANT), REFUND_ONLY, REFUNDING, "merchant agreed to refund"),
            t(REQUESTED, AGREE, Set.of(MERCHANT), NEEDS_RETURN, AWAITING_RETURN, "merchant agreed to a return"),
            t(REQUESTED, AUTO_AGREE, Set.of(SYSTEM), REFUND_ONLY, REFUNDING, "time-limit.merchant-response: unanswered requests are agreed"),
            t(REQUESTED, AUTO_AGREE, Set.of(SYSTEM), NEEDS_RETURN, AWAITING_RETURN, "time-limit.merchant-response: unanswered requests are agreed"),
            t(REQUESTED, FAST_APPROVE, Set.of(SYSTEM), REFUND_ONLY, REFUNDING, "risk-decision.approve-now: a trusted buyer's low-risk request, at a store that opted in"),
            t(REQUESTED, FAST_APPROVE, Set.of(SYSTEM), NEEDS_RETURN, AWAITING_RETURN, "risk-decision.approve-now: a trusted buyer's low-risk request, at a store that opted in"),
            t(REQUESTED, REFUSE, Set.of(MERCHANT), ALWAYS, REFUSED, "merchant refused with a reason"),
            t(REQUESTED, OFFER_PARTIAL_REFUND, Set.of(MERCHANT), ALWAYS, OFFERED, "merchant offered a partial refund"),
            t(OFFERED, ACCEPT_OFFER, Set.of(BUYER, ORDER_SYSTEM), ALWAYS, REFUNDING, "buyer accepted the partial refund"),
            t(OFFERED, DECLINE_OFFER, Set.of(BUYER, ORDER_SYSTEM), ALWAYS, REFUSED, "buyer declined the partial refund"),
            t(OFFERED, AUTO_CLOSE, Set.of(SYSTEM), ALWAYS, CLOSED, "time-limit.offer-response: an unanswered offer closes the case"),
            t(REFUSED, ESCALATE, Set.of(BUYER, ORDER_SYSTEM), ALWAYS, IN_ARBITRATION, "dispute-path: after negotiation fails the buyer may ask the platform to intervene"),
            t(REFUSED, AUTO_CLOSE, Set.of(SYSTEM), ALWAYS, CLOSED, "time-limit.escalation: a refusal not escalated in time closes the case"),
            t(AWAITING_RETURN, SHIP_RETURN, Set.of(BUYER, ORDER_SYSTEM), ALWAYS, RETURN_IN_TRANSIT, "buyer shipped the return"),
            t(AWAITING_RETURN, AUTO_CLOSE, Set.of(SYSTEM), ALWAYS, CLOSED, "time-limit.return-shipment: a return not shipped in time closes the case"),
            t(RETURN_IN_TRANSIT, CONFIRM_RETURN_RECEIVED, Set.of(MERCHANT, ORDER_SYSTEM), ALWAYS, RETURN_RECEIVED, "merchant received the return"),
            t(RETURN_IN_TRANSIT, AUTO_RECEIVE_RETURN, Set.of(SYSTEM), ALWAYS, RETURN_RECEIVED, "time-limit.return-receipt: receipt not confirmed in time is assumed"),
            t(RETURN_RECEIVED, PASS_INSPECTION, Set.of(MERCHANT), RETURN_AND_REFUND, REFUNDING, "returned item passed inspection"),
            t(RETURN_RECEIVED, PASS_INSPECTION, Set.of(MERCHANT), EXCHANGE, REPLACING, "returned item passed inspection"),
            t(RETURN_RECEIVED, AUTO_PASS_INSPECTION, Set.of(SYSTEM), RETURN_AND_REFUND, REFUNDING, "time-limit.inspection: a return not inspected in time passes"),
            t(RETURN_RECEIVED, AUTO_PASS_INSPECTION, Set.of(SYSTEM), EXCHANGE, REPLACING, "time-limit.inspection: a return not inspected in time passes"),
            t(RETURN_RECEIVED, FAIL_INSPECTION, Set.of(MERCHANT), ALWAYS, IN_ARBITRATION, "merchant reported a return swap, wrong item or empty parcel; the platform reviews it"),
            t(REPLACING, SHIP_REPLACEMENT, Set.of(MERCHANT, ORDER_SYSTEM), ALWAYS, CLOSED, "merchant shipped the replacement"),
            t(IN_ARBITRATION, JUDGE, Set.of(PLATFORM), ALWAYS, JUDGED, "platform judgment, citing evidence and a rule"),
            t(JUDGED, ENFORCE, Set.of(PLATFORM), JUDGED_REFUND, REFUNDING, "judgment enforced through the payment guarantee"),
            t(JUDGED, ENFORCE, Set.of(PLATFORM), JUDGED_RETURN, AWAITING_RETURN, "judgment enforced: the buyer must return the item"),
            t(JUDGED, ENFORCE, Set.of(PLATFORM), JUDGED_REJECTED, APPEALABLE, "judgment enforced: the request is rejected"),
            t(JUDGED, AUTO_ENFORCE, Set.of(SYSTEM), JUDGED_REFUND, REFUNDING, "time-limit.enforcement: judgments are enforced"),
            t(JUDGED, AUTO_ENFORCE, Set.of(SYSTEM), JUDGED_RETURN, AWAITING_RETURN, "time-limit.enforcement: judgments are enforced"),
            t(JUDGED, AUTO_ENFORCE, Set.of(SYSTEM), JUDGED_REJECTED, APPEALABLE, "time-limit.enforcement: judgments are enforced"),
            t(REFUNDING, CONFIRM_REFUND, Set.of(ORDER_SYSTEM, PLATFORM), HAS_JUDGMENT, APPEALABLE, "refund executed; the judgment may be appealed"),
            t(REFUNDING, CONFIRM_REFUND, Set.of(ORDER_SYSTEM, PLATFORM), NO_JUDGMENT, CLOSED, "refund executed"),
            t(APPEALABLE, APPEAL, Set.of(BUYER, MERCHANT), ALWAYS, IN_APPEAL, "appeal within the appeal window"),
            t(APPEALABLE, AUTO_CLOSE, Set.of(SYSTEM), ALWAYS, CLOSED, "time-limit.appeal: no appeal in time closes the case"),
            t(IN_APPEAL, UPHOLD_JUDGMENT, Set.of(PLATFORM), ALWAYS, CLOSED, "appeal review upheld the judgment"),
            t(IN_APPEAL, OVERTURN_JUDGMENT, Set.of(PLATFORM), ALWAYS, JUDGED, "appeal review replaced the judgment"),
            t(REQUESTED, CANCEL, Set.of(BUYER, ORDER_SYSTEM), ALWAYS, CANCELLED, "buyer cancelled the request"),
            t(OFFERED, CANCEL, Set.of(BUYER, ORDER_SYSTEM), ALWAYS, CANCELLED, "buyer cancelled the request"),
            t(REFUSED, CANCEL, Set.of(BUYER, ORDER_SYSTEM), ALWAYS, CANCELLED, "buyer cancelled the request"),
            t(AWAITING_RETURN, CANCEL, Set.of(BUYER, ORDER_SYSTEM), ALWAYS, CANCELLED, "buyer cancelled the request"),
            t(IN_ARBITRATION, CANCEL, Set.of(BUYER, ORDER_SYSTEM), ALWAYS, CANCELLED, "buyer withdrew the dispute"));

    private static final List<StateTimeLimit> TIME_LIMITS = List.of(
            new StateTimeLimit(REQUESTED, TimeLimit.MERCHANT_RESPONSE, AUTO_AGREE),
            new StateTimeLimit(OFFERED, TimeLimit.OFFER_RESPONSE, AUTO_CLOSE),
            new StateTimeLimit(REFUSED, TimeLimit.ESCALATION, AUTO_CLOSE),
            new StateTimeLimit(AWAITING_RETURN, TimeLimit.RETURN_SHIPMENT, AUTO_CLOSE),
            new StateTimeLimit(RETURN_IN_TRANSIT, TimeLimit.RETURN_RECEIPT, AUTO_RECEIVE_RETURN),
            new StateTimeLimit(RETURN_RECEIVED, TimeLimit.INSPECTION, AUTO_PASS_INSPECTION),
            new StateTimeLimit(IN_ARBITRATION, TimeLimit.ARBITRATION, null),
            new StateTimeLimit(JUDGED, TimeLimit.ENFORCEMENT, AUTO_ENFORCE),
            new StateTimeLimit(APPEALABLE, TimeLimit.APPEAL, AUTO_CLOSE),
            new StateTimeLimit(IN_APPEAL, TimeLimit.APPEAL_REVIEW, null));

    private Lifecycle() {
    }

    public static List<Transition> transitions() {
        return TRANSITIONS;
    }

    public static List<StateTimeLimit> timeLimits() {
        return TIME_LIMITS;
    }

    public static Optional<StateTimeLimit> timeLimitIn(CaseState state) {
        return TIME_LIMITS.stream().filter(l -> l.state() == state).findFirst();
    }

    /** The transition the action takes from the case's state, if any (ignoring who acts). */
    public static Optional<Transition> find(AfterSalesCase c, Action action) {
        return TRANSITIONS.stream()
                .filter(t -> t.from() == c.state() && t.action() == action && t.guard().holds(c))
                .findFirst();
    }

    /** The actions a party could take on the case now, in table order. */
    public static List<Action> available(AfterSalesCase c, Party party) {
        return TRANSITIONS.stream()
                .filter(t -> t.from() == c.state() && t.parties().contains(party) && t.guard().holds(c))
                .map(Transition::action)
                .distinct()
                .toList();
    }

    private static Transition t(CaseState from, Action action, Set<Party> parties, Guard guard, CaseState to, String rule) {
        return new Transition(from, action, parties, guard, to, rule);
    }
}
